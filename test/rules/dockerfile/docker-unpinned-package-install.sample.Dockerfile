# fixture-path: docs/samples/serve/Dockerfile
# A Dockerfile in a documentation/sample folder: unpinned installs are notes that say why.
FROM python:3.12-slim@sha256:2222222222222222222222222222222222222222222222222222222222222222
# expect: docker-unpinned-package-install:note
RUN pip install flask gunicorn
# ok: docker-unpinned-package-install
RUN pip install --require-hashes -r requirements.lock
