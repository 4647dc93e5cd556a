# shellcheck shell=bash
# Shared helpers of the packaging tests (sourced).

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

step() { echo "== $*"; }

# contains HAYSTACK NEEDLE WHAT: fails naming WHAT when NEEDLE (a fixed string) is missing.
contains() {
    grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not found in:
$1"
}

# A loopback nginx serving ROOT with packaging/nginx/zjmap-content.conf's locations, in the
# foreground as the calling user (master_process off: no privilege drop, no system paths).
# Sets NGINX_PID and NGINX_PORT. Usage: start_nginx SITE_CONF ROOT WORKDIR
start_nginx() {
    local site=$1 root=$2 work=$3
    mkdir -p "$work/temp"
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        NGINX_PORT=$((20000 + RANDOM % 40000))
        # The sample site as shipped, with only the listen address and the root changed.
        sed -e "s|^\( *\)listen 80;|\1listen 127.0.0.1:$NGINX_PORT;|" -e '/listen \[::\]:80;/d' \
            -e "s|^\( *\)root /srv/zjmap;|\1root $root;|" "$site" >"$work/site.conf"
        grep -q "listen 127.0.0.1:$NGINX_PORT;" "$work/site.conf" || fail "sample site: no 'listen 80;' line"
        grep -q "root $root;" "$work/site.conf" || fail "sample site: no 'root /srv/zjmap;' line"
        cat >"$work/nginx.conf" <<EOF
daemon off;
master_process off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/site.conf;
}
EOF
        nginx -t -q -e "$work/error.log" -p "$work" -c "$work/nginx.conf" ||
            fail "nginx -t refused the sample site: $(cat "$work/error.log")"
        nginx -e "$work/error.log" -p "$work" -c "$work/nginx.conf" &
        NGINX_PID=$!
        for _ in $(seq 50); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null; then return 0; fi
            kill -0 "$NGINX_PID" 2>/dev/null || break # exited: port taken, try another
            sleep 0.1
        done
        kill "$NGINX_PID" 2>/dev/null
        wait "$NGINX_PID" 2>/dev/null
    done
    fail "nginx did not start: $(cat "$work/error.log")"
}

stop_nginx() {
    if [ -n "${NGINX_PID:-}" ]; then
        kill "$NGINX_PID" 2>/dev/null
        wait "$NGINX_PID" 2>/dev/null
        NGINX_PID=
    fi
    return 0
}

# http_headers METHOD PATH [HEADER...]: the status line and headers of one request to the
# loopback nginx, CRs stripped (bash's /dev/tcp: no curl on a fresh machine).
http_headers() {
    local method=$1 path=$2 line
    shift 2
    exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT" || fail "cannot connect to nginx"
    {
        printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' "$method" "$path"
        local h
        for h in "$@"; do printf '%s\r\n' "$h"; done
        printf '\r\n'
    } >&3
    while IFS= read -r line <&3; do
        line=${line%$'\r'}
        [ -z "$line" ] && break
        echo "$line"
    done
    exec 3<&- 3>&-
}
