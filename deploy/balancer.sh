#!/bin/sh
# The container balancer (deploy/Dockerfile, target balancer): render the template with
# envsubst, which replaces only the placeholders named here (the ones deploy/serve.py fills;
# tests/serve/test_config.py checks both lists against the template), then run nginx in the
# foreground.
set -eu
mkdir -p "$RUN_DIR"
envsubst '${LISTEN} ${UPSTREAM_SERVERS} ${RUN_DIR} ${STATIC_ROOT} ${APP_STATIC_ROOT} ${CLIENT_RATE} ${CLIENT_BURST} ${CLIENT_SESSIONS} ${USER_DIRECTIVE}' \
    < /etc/nginx/lab.conf.template > "$RUN_DIR/nginx.conf"
exec nginx -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/error.log"
