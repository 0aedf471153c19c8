# One finding per command, naming every package; a command whose packages are all `==` pinned is a note.
FROM python:3.12-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111
# expect: docker-unpinned-package-install:warning
RUN pip install --no-cache-dir numpy pandas "scipy>=1.11" polars==1.2.0 \
    pyarrow
# expect: docker-unpinned-package-install:note
RUN pip install fastapi==0.115.0 uvicorn==0.30.6
# ok: docker-unpinned-package-install
RUN pip install --require-hashes -r requirements.lock && pip install --no-deps ./wheelhouse/app-1.0-py3-none-any.whl
# expect: docker-unpinned-package-install:warning
RUN pip install torch && pip install -r requirements.txt
# expect: docker-unpinned-package-install:note
RUN python -m pip install --upgrade pip setuptools wheel
# expect: docker-unpinned-package-install:warning
RUN pip install --upgrade pip pipenv
# expect: docker-unpinned-package-install:warning
RUN uv pip install --torch-backend cpu --index-strategy unsafe-best-match torchaudio
