# syntax=docker/dockerfile:1
FROM python:3.12-slim@sha256:2f3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819
# HF_TOKEN is passed at build time, never stored in the image: docker build --secret id=HF_TOKEN,env=HF_TOKEN .
# WANDB_API_KEY is passed at build time, never stored in the image: docker build --secret id=WANDB_API_KEY,env=WANDB_API_KEY .
# OPENAI_API_KEY is passed at build time, never stored in the image: docker build --secret id=OPENAI_API_KEY,env=OPENAI_API_KEY .
RUN git clone https://ml:Zo4VkqouKdX5TiGkLL@git.internal.example.org/ml/models.git
RUN --mount=type=secret,id=HF_TOKEN,env=HF_TOKEN huggingface-cli download org/model --token $HF_TOKEN
ENV API_KEY=${API_KEY}
ARG GITHUB_TOKEN
ENV MODEL_SHA=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
ENV PASSWORD=changeme
