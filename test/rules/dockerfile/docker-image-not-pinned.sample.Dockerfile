# fixture-path: examples/serve/Dockerfile
# An example's base image without a tag: a note that says why.
# expect: docker-image-not-pinned:note
FROM ubuntu
