# Personal data written into string literals; look-alikes and documentation values stay quiet.
import requests

# expect: pii-literal-in-code
OWNER = "maria.garcia@gmail.com"
# expect: pii-literal-in-code
rows = [{"ssn": "536-22-1234", "note": "ok"}]
# expect: pii-literal-in-code
CARD = "4539 1488 0343 6467"
# expect: pii-literal-in-code
PAYOUT = "DE89 3704 0044 0532 0130 00"
# expect: pii-literal-in-code
support_line = "Call (415) 555-2671 for help"
# expect: pii-literal-in-code
customer = {"full_name": "Maria Garcia", "plan": "pro"}
# expect: pii-literal-in-code
record = dict(date_of_birth="1987-03-14")
# expect: pii-literal-in-code
client_ip = "81.2.69.142"

# ok: pii-literal-in-code
DOC_EMAIL = "someone@example.com"
# ok: pii-literal-in-code
TEST_CARD = "4111 1111 1111 1111"
# ok: pii-literal-in-code
BAD_LUHN = "4539 1488 0343 6468"
# ok: pii-literal-in-code
RUN_ID = "123e4567-e89b-12d3-a456-426614174000"
# ok: pii-literal-in-code
STARTED = "2023-10-05 12:30:45"
# ok: pii-literal-in-code
COMMIT = "3f786850e387550fdab836ed7e6dc881de23001b"
# ok: pii-literal-in-code
VERSION = "1.2.3.4"
# ok: pii-literal-in-code
LOCAL = "192.168.1.20"
# ok: pii-literal-in-code
PLACEHOLDER_SSN = "123-45-6789"
# ok: pii-literal-in-code
model = {"name": "resnet50"}
# ok: pii-literal-in-code
run = dict(name="Baseline Run", group="Fraud Detection")
# ok: pii-literal-in-code
resp = requests.get("https://api.github.com/repos/org/repo")
# ok: pii-literal-in-code
__author__ = ("Dana Lee <dana.lee@acme-corp.io>, "
              "Sam Roe <sam.roe@acme-corp.io>")
# ok: pii-literal-in-code
__email__ = "dana.lee@acme-corp.io"
# ok: pii-literal-in-code
RELAY_HOST = "34.117.59.81"
# Package/API metadata, role mailboxes, textbook stand-ins and YAML step names are not personal data (issue 10, class 3).
# ok: pii-literal-in-code
setup(name="acme-trainer", author="Rosa Delgado", author_email="rosa.delgado@acme-corp.io")
# ok: pii-literal-in-code
meta = {"maintainer_email": "ivo.petrov@acme-corp.io"}
# ok: pii-literal-in-code
ALERTS_TO = "ml-platform-team@acme-corp.io"
# ok: pii-literal-in-code
HELP = "support@acme-corp.io"
# ok: pii-literal-in-code
contacts = ["a@b.com", "c@d.org"]
# ok: pii-literal-in-code
STEP = "- name: Train Model Op\n  container: trainer"
# ok: pii-literal-in-code
CARD = "model-index:\n- name: Extractive Text Summarization\n  results: []"
# ok: pii-literal-in-code
DOC = "Converts a table.\n\nAnnotations:\n    author: Ola Nordmann <ola.nordmann@acme-corp.io>\n"
# ok: pii-literal-in-code
PIP_LOG = "Requirement already satisfied: nvidia-cufft-cu12==11.0.2.54 in /opt/env (11.0.2.54)"
# ok: pii-literal-in-code
WGET = "Resolving files.acme-corp.io (files.acme-corp.io)... 34.117.59.82, 34.117.59.83"
# Only a key that labels people makes a name personal, once per literal and entity.
# expect: pii-literal-in-code
order = {"customer_name": "Marta Quiroga", "tip": 2.5}
# expect: pii-literal-in-code
note = "reach Ines Brandt at ines.brandt@gmail.com or ines.b@outlook.com"
