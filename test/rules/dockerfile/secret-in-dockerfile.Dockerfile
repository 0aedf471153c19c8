# syntax=docker/dockerfile:1
FROM python:3.12-slim@sha256:2f3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819
ENV HF_TOKEN=hf_znshLM5mFk7aayMBsEGdsTxHu4DUXftWCD
ARG WANDB_API_KEY=ee8ed0f6bc7e0183f3a506061914380c282d6f22
ENV OPENAI_API_KEY sk-proj-rjSVVJDXubhu3wQTA4d8frizktVxMNrv-gemvur_L5cxCJ5SuHvdjRXLwvrUS-8j
RUN git clone https://ml:Zo4VkqouKdX5TiGkLL@git.internal.example.org/ml/models.git
RUN huggingface-cli download org/model --token $HF_TOKEN
ENV API_KEY=${API_KEY}
ARG GITHUB_TOKEN
ENV MODEL_SHA=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
ENV PASSWORD=changeme
