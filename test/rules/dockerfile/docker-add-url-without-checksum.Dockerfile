FROM ubuntu:22.04@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ADD https://huggingface.co/org/model/resolve/main/model.safetensors /models/
ADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef https://example.com/tool.tar.gz /opt/
ADD ./local.tar.gz /opt/
