FROM python:3.11-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
RUN apt-get update && apt-get install -y --no-install-recommends \
    git \
    curl=7.88.1-10
RUN pip install --no-cache-dir torch transformers==4.41.0
RUN python -m pip install -U pip
RUN pip install -r requirements.txt
RUN pip install --require-hashes -r requirements.lock
RUN uv pip install --system "accelerate>=0.30"
RUN conda install -y -c conda-forge faiss-cpu && npm install -g @anthropic-ai/claude-code
RUN npm install express
RUN ["pip", "install", "fastapi"]
RUN <<EOT
pip install \
    datasets
EOT
RUN pip install ./dist/mypkg-1.0-py3-none-any.whl .
RUN --mount=type=cache,target=/root/.cache/pip pip install sentencepiece
RUN if [ -f extra.txt ]; then pip install tqdm; fi
