ARG BASE=python:3.11-slim
ARG CUDA
FROM python AS untagged
FROM python:latest AS latest
FROM ${BASE} AS from-arg
FROM nvidia/cuda:${CUDA} AS unknown-arg
FROM --platform=linux/amd64 pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime AS builder
FROM python:3.11-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS pinned
FROM builder
FROM scratch
COPY --from=builder /app /app
COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv
