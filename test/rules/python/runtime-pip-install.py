import os
import subprocess
import sys
import pip

# expect: runtime-pip-install
pip.main(["install", "requests"])
# expect: runtime-pip-install
subprocess.check_call([sys.executable, "-m", "pip", "install", "transformers"])
# expect: runtime-pip-install
subprocess.run(["pip", "install", "-q", "accelerate"], check=True)
# expect: runtime-pip-install
os.system("pip install bitsandbytes")
# ok: runtime-pip-install
subprocess.run(["pip", "list"], check=True)
# ok: runtime-pip-install
subprocess.run(cmd, check=True)
# expect: runtime-pip-install
os.system(f"pip install {package}")
