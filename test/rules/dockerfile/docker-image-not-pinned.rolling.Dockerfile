# Rolling tags are as bad as `latest`; placeholders are not reported.
# expect: docker-image-not-pinned:warning
FROM nvidia/cuda:latest-devel AS build
# expect: docker-image-not-pinned:warning
FROM python:stable-slim
# ok: docker-image-not-pinned
FROM example.com/base/python:3.12
# expect: docker-image-not-pinned:note
FROM python:3.12.4-slim
