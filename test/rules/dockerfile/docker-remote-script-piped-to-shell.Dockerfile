FROM ubuntu:22.04@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
RUN curl -fsSL https://get.example.com/install.sh | sh
RUN wget -qO- https://example.com/setup | sudo bash -s -- --yes
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"
RUN curl -fsSLo install.sh https://example.com/install.sh \
    && echo "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  install.sh" | sha256sum -c - \
    && sh install.sh
RUN curl -s https://api.example.com/version | jq .tag
