#!/usr/bin/env bash
# Marsad's local Apache Kafka broker: one KRaft node (broker + controller) on
# 127.0.0.1, run straight from the jars that Maven resolves from Maven Central.
# No Docker, no Kafka tarball: Java 17 and Maven are the only requirements
# (and openssl, for the certificates of the TLS mode).
#
# Usage: deploy/kafka/kafka.sh {start [--sasl] [--tls|--mtls] [--force]|stop|restart|status|logs [-f]|path|cafile|resolve|reset}
# Run `deploy/kafka/kafka.sh help` for the environment variables.
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
readonly POM="${SCRIPT_DIR}/pom.xml"
readonly TEMPLATE="${SCRIPT_DIR}/server.properties.template"

# Everything the broker writes lives under one ignored folder (var/ is in .gitignore).
readonly KAFKA_HOME_DIR="${MARSAD_KAFKA_HOME:-${REPO_ROOT}/var/kafka}"
readonly LIB_DIR="${MARSAD_KAFKA_LIB:-${KAFKA_HOME_DIR}/lib}"
readonly CONF_DIR="${KAFKA_HOME_DIR}/config"
readonly LOG_DIR="${KAFKA_HOME_DIR}/logs"
readonly PID_FILE="${KAFKA_HOME_DIR}/kafka.pid"
readonly STATE_FILE="${KAFKA_HOME_DIR}/kafka.state" # "<mode> <port>" of the last start
readonly LOCK_FILE="${KAFKA_HOME_DIR}/kafka.lock"
readonly STAMP_FILE="${LIB_DIR}/.marsad-pom.sha256"
readonly TLS_DIR="${KAFKA_HOME_DIR}/tls" # throwaway local CA, broker and client certificates (PEM)

readonly PORT="${MARSAD_KAFKA_PORT:-9092}"
# +1000 rather than +1 so two brokers on neighbouring ports (9092, 9093) never collide.
readonly CONTROLLER_PORT="${MARSAD_KAFKA_CONTROLLER_PORT:-$((PORT + 1000))}"
readonly START_TIMEOUT="${MARSAD_KAFKA_START_TIMEOUT:-60}"
readonly STOP_TIMEOUT="${MARSAD_KAFKA_STOP_TIMEOUT:-30}"
readonly SASL_USER="${MARSAD_KAFKA_SASL_USER:-marsad}"
readonly SASL_PASSWORD="${MARSAD_KAFKA_SASL_PASSWORD:-marsad-secret}"
readonly MIN_JAVA=17
readonly CA_DAYS=3650   # the local CA; kept across restarts so clients keep trusting the same file
readonly CERT_DAYS=397  # broker and client certificates; reissued when less than a day is left

# plaintext | scram | tls | scram-tls, and tls-mutual | scram-tls-mutual (client certificates
# required); set by select_mode and the start options, then by compose_mode.
MODE="plaintext"
SASL="off" # off | scram
TLS="off"  # off | tls | mutual
FORCE=0
JAVA_BIN=""

# --------------------------------------------------------------------------- messages

say() { printf 'kafka.sh: %s\n' "$*"; }
warn() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() {
    printf 'kafka.sh: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    cat <<EOF
Usage: ${0##*/} <command> [options]

Commands:
  start [--sasl] [--tls|--mtls] [--force]
                            start the local broker and wait until it answers (idempotent)
  stop                      SIGTERM, wait up to ${STOP_TIMEOUT}s, then SIGKILL (idempotent)
  restart [options]         stop, then start (same options as start)
  status                    exit 0 if running, 3 if not
  logs [-f]                 show (or follow) the broker log
  path [--sasl] [--tls]     print the data directory (of that mode)
  cafile                    print the TLS mode's CA file (clients' KAFKA_SSL_CAFILE)
  resolve                   only download the Kafka jars (Maven) into the cache
  reset                     delete the data, logs and certificates of a stopped broker (keeps the jars)

Environment:
  MARSAD_KAFKA_HOME              state folder (default: <repo>/var/kafka)
  MARSAD_KAFKA_LIB               jar cache (default: \$MARSAD_KAFKA_HOME/lib)
  MARSAD_KAFKA_PORT              client port on 127.0.0.1 (default: 9092)
  MARSAD_KAFKA_CONTROLLER_PORT   KRaft controller port (default: client port + 1000)
  MARSAD_KAFKA_SASL=scram        client listener is SASL_PLAINTEXT with SCRAM-SHA-256 (same as --sasl)
  MARSAD_KAFKA_SASL_USER         SCRAM user created at format time (default: marsad)
  MARSAD_KAFKA_SASL_PASSWORD     its password (default: marsad-secret)
  MARSAD_KAFKA_TLS=1             client listener speaks TLS: SSL, or SASL_SSL with SCRAM (same as --tls);
                                 certificates for 127.0.0.1/localhost are made with openssl on first
                                 start under \$MARSAD_KAFKA_HOME/tls (CA: tls/ca.pem)
  MARSAD_KAFKA_TLS=mutual        TLS and the broker requires a client certificate (same as --mtls):
                                 tls/client.crt and tls/client.key
  MARSAD_KAFKA_START_TIMEOUT     seconds to wait for readiness (default: 60)
  MARSAD_KAFKA_STOP_TIMEOUT      seconds to wait for a clean exit before SIGKILL (default: 30)
  KAFKA_HEAP_OPTS                JVM heap (default: -Xmx512m -Xms512m)
  KAFKA_JVM_PERFORMANCE_OPTS     JVM GC flags; KAFKA_OPTS: extra JVM flags; JAVA_HOME: which Java
  KAFKA_BOOTSTRAP_SERVERS        if set, an external cluster is in use: start does nothing unless --force
EOF
}

# --------------------------------------------------------------------------- prerequisites

install_hint() {
    printf '  On Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless maven\n' >&2
}

find_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
        JAVA_BIN="${JAVA_HOME}/bin/java"
    elif command -v java >/dev/null 2>&1; then
        JAVA_BIN="$(command -v java)"
    else
        warn "error: 'java' was not found (needed: Java ${MIN_JAVA} or newer, a JRE is enough)."
        install_hint
        exit 1
    fi
    # `java -version` prints e.g. 'openjdk version "17.0.15"' or 'java version "1.8.0_392"'.
    local version major
    version="$("${JAVA_BIN}" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
    major="${version%%.*}"
    [[ "${major}" == "1" ]] && major="$(cut -d. -f2 <<<"${version}")"
    if ! [[ "${major}" =~ ^[0-9]+$ ]] || ((major < MIN_JAVA)); then
        warn "error: ${JAVA_BIN} is Java '${version:-unknown}'; Kafka 3.9 here needs Java ${MIN_JAVA} or newer."
        install_hint
        warn "  Then point JAVA_HOME at it, e.g. JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"
        exit 1
    fi
}

require_mvn() {
    if ! command -v mvn >/dev/null 2>&1; then
        warn "error: 'mvn' (Apache Maven) was not found; it downloads the Kafka jars on first start."
        install_hint
        exit 1
    fi
}

# --------------------------------------------------------------------------- jars

pom_hash() { sha256sum "${POM}" | cut -d' ' -f1; }

jars_ready() {
    [[ -f "${STAMP_FILE}" && "$(cat "${STAMP_FILE}")" == "$(pom_hash)" ]] &&
        compgen -G "${LIB_DIR}/kafka_2.13-*.jar" >/dev/null
}

# Resolve into a temporary folder and swap it in, so an interrupted download
# never leaves a half-filled cache that later looks complete.
resolve_jars() {
    if jars_ready; then
        return 0
    fi
    require_mvn
    local tmp="${LIB_DIR}.tmp.$$"
    rm -rf "${LIB_DIR}".tmp.* # leftovers of an interrupted run (we hold the lock)
    mkdir -p "$(dirname "${LIB_DIR}")"
    say "resolving Kafka jars with Maven (first run only) into ${LIB_DIR} ..."
    local started=${SECONDS} mvn_log="${KAFKA_HOME_DIR}/maven.log"
    mkdir -p "${KAFKA_HOME_DIR}"
    # Output goes to a file: Debian's Maven 3.8 prints colour codes even with -B.
    if ! mvn -q -B -Dstyle.color=never -f "${POM}" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="${tmp}" >"${mvn_log}" 2>&1; then
        tail -n 30 "${mvn_log}" >&2
        rm -rf "${tmp}"
        die "Maven could not resolve the Kafka jars (network or Maven Central unreachable?); full output in ${mvn_log}"
    fi
    pom_hash >"${tmp}/.marsad-pom.sha256"
    rm -rf "${LIB_DIR}"
    mv "${tmp}" "${LIB_DIR}"
    say "resolved $(find "${LIB_DIR}" -name '*.jar' | wc -l) jars in $((SECONDS - started))s"
}

# --------------------------------------------------------------------------- mode and paths

select_mode() {
    local sasl="${MARSAD_KAFKA_SASL:-}" tls="${MARSAD_KAFKA_TLS:-}"
    case "${sasl,,}" in
    "" | 0 | no | off | false | plaintext) SASL="off" ;;
    scram | 1 | yes | on | true | scram-sha-256) SASL="scram" ;;
    *) die "MARSAD_KAFKA_SASL='${sasl}' is not understood; use 'scram' or leave it unset." ;;
    esac
    case "${tls,,}" in
    "" | 0 | no | off | false) TLS="off" ;;
    1 | yes | on | true | tls | ssl) TLS="tls" ;;
    mutual | mtls | required) TLS="mutual" ;;
    *) die "MARSAD_KAFKA_TLS='${tls}' is not understood; use 1 (TLS), 'mutual' (TLS with client certificates) or leave it unset." ;;
    esac
    compose_mode
}

compose_mode() {
    MODE="plaintext"
    if [[ "${SASL}" == "scram" ]]; then MODE="scram"; fi
    [[ "${TLS}" == "off" ]] && return 0
    if [[ "${MODE}" == "scram" ]]; then MODE="scram-tls"; else MODE="tls"; fi
    if [[ "${TLS}" == "mutual" ]]; then MODE="${MODE}-mutual"; fi
}

mode_has_sasl() { [[ "${MODE}" == scram* ]]; }
mode_has_tls() { [[ "${1:-${MODE}}" == *tls* ]]; }
mode_is_mutual() { [[ "${1:-${MODE}}" == *-mutual ]]; }

# The client listener's Kafka security protocol in mode $1.
security_protocol() {
    case "${1%-mutual}" in
    scram) echo "SASL_PLAINTEXT" ;;
    tls) echo "SSL" ;;
    scram-tls) echo "SASL_SSL" ;;
    *) echo "PLAINTEXT" ;;
    esac
}

# Each mode has its own data dir: SCRAM users are written into the metadata log
# at format time, so a plaintext-formatted log cannot simply be reused for SASL;
# TLS modes get theirs too, so topics made in one mode never show up in another.
# Requiring client certificates changes no stored state: those modes share
# the data dir of the same mode without it.
data_dir() {
    local mode="${1:-${MODE}}"
    if [[ "${mode}" == "plaintext" ]]; then
        printf '%s\n' "${KAFKA_HOME_DIR}/data"
    else
        printf '%s\n' "${KAFKA_HOME_DIR}/data-${mode%-mutual}"
    fi
}

server_properties() { printf '%s\n' "${CONF_DIR}/server-${MODE}.properties"; }
client_properties() { printf '%s\n' "${CONF_DIR}/client-${MODE}.properties"; }

# --------------------------------------------------------------------------- process checks

port_open() {
    # bash's /dev/tcp; the subshell closes the descriptor, `timeout` bounds a hung connect.
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# True if the process is a JVM running kafka.Kafka with a config from *this*
# home: a pid file alone is not trusted, since after a crash or reboot its
# number may belong to another process. (The comm check keeps a grep whose
# arguments contain the same path from matching.)
is_our_broker() {
    [[ "$(cat "/proc/$1/comm" 2>/dev/null)" == "java" ]] &&
        tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "kafka.Kafka ${CONF_DIR}/server-"
}

# The pid of the broker this script started, or nothing (status 1). If the pid
# file is missing or stale, /proc is searched for a JVM running our config, so
# a deleted pid file can never orphan a broker; the pid file is then rewritten.
broker_pid() {
    local pid=""
    [[ -f "${PID_FILE}" ]] && pid="$(cat "${PID_FILE}" 2>/dev/null || true)"
    if [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null && is_our_broker "${pid}"; then
        printf '%s\n' "${pid}"
        return 0
    fi
    local dir
    for dir in /proc/[0-9]*; do
        pid="${dir#/proc/}"
        if is_our_broker "${pid}"; then
            [[ -d "${KAFKA_HOME_DIR}" ]] && echo "${pid}" >"${PID_FILE}"
            printf '%s\n' "${pid}"
            return 0
        fi
    done
    return 1
}

# Mode and client port of the broker started last (what `status` must probe,
# whatever MARSAD_KAFKA_PORT says now).
running_mode() {
    local mode port
    read -r mode port <"${STATE_FILE}" 2>/dev/null || true
    echo "${mode:-plaintext}"
}
running_port() {
    local mode port
    read -r mode port <"${STATE_FILE}" 2>/dev/null || true
    echo "${port:-${PORT}}"
}

# --------------------------------------------------------------------------- configuration

validate_settings() {
    local p
    for p in "${PORT}" "${CONTROLLER_PORT}"; do
        [[ "${p}" =~ ^[0-9]+$ ]] && ((p > 0 && p < 65536)) || die "invalid port '${p}'"
    done
    ((PORT != CONTROLLER_PORT)) || die "client and controller ports are both ${PORT}"
    if mode_has_sasl; then
        # These strings end up inside a JAAS config and the --add-scram [..] syntax.
        [[ "${SASL_USER}" =~ ^[A-Za-z0-9._-]+$ ]] || die "MARSAD_KAFKA_SASL_USER may use only letters, digits, . _ -"
        [[ "${SASL_PASSWORD}" =~ ^[A-Za-z0-9._~@%+=-]+$ ]] ||
            die "MARSAD_KAFKA_SASL_PASSWORD may use only letters, digits and . _ ~ @ % + = -"
    fi
}

jaas_line() {
    printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' \
        "${SASL_USER}" "${SASL_PASSWORD}"
}

# The listener block differs per mode; the rest comes from the template. The
# controller listener stays PLAINTEXT on loopback in every mode.
listener_block() {
    local proto
    proto="$(security_protocol "${MODE}")"
    cat <<EOF
############################# Listeners (${MODE} mode) #############################
listeners=${proto}://127.0.0.1:${PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=${proto}://127.0.0.1:${PORT}
listener.security.protocol.map=CONTROLLER:PLAINTEXT,${proto}:${proto}
inter.broker.listener.name=${proto}
EOF
    if mode_has_sasl; then
        cat <<EOF
sasl.enabled.mechanisms=SCRAM-SHA-256
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-256
# The broker talks to itself (e.g. transaction markers) as the same SCRAM user.
listener.name.${proto,,}.scram-sha-256.sasl.jaas.config=$(jaas_line)
EOF
    fi
    if mode_has_tls; then
        local client_auth="none"
        mode_is_mutual && client_auth="required"
        cat <<EOF
# PEM stores made by this script (ensure_certs). The broker's own connections to
# itself verify its certificate like any client: SAN IP:127.0.0.1, DNS:localhost.
ssl.keystore.type=PEM
ssl.keystore.location=${TLS_DIR}/broker.pem
ssl.key.password=$(cat "${TLS_DIR}/broker.password")
ssl.truststore.type=PEM
ssl.truststore.location=${TLS_DIR}/ca.pem
# Per listener: a SASL_SSL listener ignores the plain ssl.client.auth (KIP-684).
listener.name.${proto,,}.ssl.client.auth=${client_auth}
ssl.endpoint.identification.algorithm=https
EOF
    fi
}

# Rendered on every start so a changed template or port takes effect; the
# data dir and node id never change, so the formatted storage stays valid.
write_configs() {
    mkdir -p "${CONF_DIR}" "${LOG_DIR}"
    local props
    props="$(server_properties)"
    {
        sed -e "s|@CONTROLLER_PORT@|${CONTROLLER_PORT}|g" -e "s|@DATA_DIR@|$(data_dir)|g" "${TEMPLATE}"
        echo
        listener_block
    } >"${props}.tmp"
    mv "${props}.tmp" "${props}"

    # reload4j: a size-capped file for the broker, warnings only for the CLI tools.
    cat >"${CONF_DIR}/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, kafkaAppender
log4j.appender.kafkaAppender=org.apache.log4j.RollingFileAppender
log4j.appender.kafkaAppender.File=${kafka.logs.dir}/server.log
log4j.appender.kafkaAppender.MaxFileSize=50MB
log4j.appender.kafkaAppender.MaxBackupIndex=3
log4j.appender.kafkaAppender.layout=org.apache.log4j.PatternLayout
log4j.appender.kafkaAppender.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.controller=INFO
EOF
    cat >"${CONF_DIR}/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF

    # Client settings for the readiness probe (and handy for operators' CLI tools).
    {
        echo "security.protocol=$(security_protocol "${MODE}")"
        if mode_has_sasl; then
            echo "sasl.mechanism=SCRAM-SHA-256"
            echo "sasl.jaas.config=$(jaas_line)"
        fi
        if mode_has_tls; then
            echo "ssl.truststore.type=PEM"
            echo "ssl.truststore.location=${TLS_DIR}/ca.pem"
        fi
        if mode_is_mutual; then
            echo "ssl.keystore.type=PEM"
            echo "ssl.keystore.location=${TLS_DIR}/client.pem"
            echo "ssl.key.password=$(cat "${TLS_DIR}/client.password")"
        fi
    } >"$(client_properties)"
}

# Runs a Kafka command-line class with a small heap and quiet logging, bounded
# in time (TOOL_TIMEOUT seconds) so a wedged tool can never hang the script.
run_tool() {
    timeout "${TOOL_TIMEOUT:-120}" env CLASSPATH="${LIB_DIR}/*" "${JAVA_BIN}" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        -Dlog4j.configuration="file:${CONF_DIR}/tools-log4j.properties" "$@"
}

# Formats the storage once: meta.properties marks a formatted log dir.
format_storage() {
    local dir
    dir="$(data_dir)"
    [[ -f "${dir}/meta.properties" ]] && return 0
    mkdir -p "${dir}"
    local cluster_id
    cluster_id="$(run_tool kafka.tools.StorageTool random-uuid | tail -n 1)"
    [[ -n "${cluster_id}" ]] || die "kafka.tools.StorageTool random-uuid printed nothing"
    local args=(format -t "${cluster_id}" -c "$(server_properties)")
    if mode_has_sasl; then
        args+=(--add-scram "SCRAM-SHA-256=[name=${SASL_USER},password=${SASL_PASSWORD}]")
    fi
    say "formatting storage in ${dir} (cluster id ${cluster_id}, mode ${MODE})"
    run_tool kafka.tools.StorageTool "${args[@]}" >"${LOG_DIR}/format.log" 2>&1 || {
        cat "${LOG_DIR}/format.log" >&2
        rm -rf "${dir}"
        die "formatting the storage failed (output above)"
    }
}

# --------------------------------------------------------------------------- TLS certificates

require_openssl() {
    command -v openssl >/dev/null 2>&1 && return 0
    warn "error: 'openssl' was not found; the TLS mode makes its certificates with it."
    printf '  On Debian/Ubuntu: sudo apt-get install openssl\n' >&2
    exit 1
}

# True if the PEM certificate $1 exists and is valid for at least one more day.
cert_fresh() { [[ -s "$1" ]] && openssl x509 -in "$1" -noout -checkend 86400 >/dev/null 2>&1; }

certs_ready() {
    local name
    cert_fresh "${TLS_DIR}/ca.pem" || return 1
    for name in broker client; do
        cert_fresh "${TLS_DIR}/${name}.crt" && [[ -s "${TLS_DIR}/${name}.pem" && -s "${TLS_DIR}/${name}.password" ]] ||
            return 1
    done
}

# openssl with its chatter in a log, shown only when it fails.
run_openssl() {
    openssl "$@" >>"${LOG_DIR}/openssl.log" 2>&1 || {
        tail -n 20 "${LOG_DIR}/openssl.log" >&2
        die "openssl $1 failed (output above; full log in ${LOG_DIR}/openssl.log)"
    }
}

# Issues <dir>/<name>.crt and .key (PKCS#8, unencrypted: for Python clients and
# kcat) signed by <dir>/ca.pem, and <name>.pem: the key encrypted with the
# password in <name>.password, then the chain, which is what Kafka's PEM key
# store reads (it insists on a key password for a PEM file).
issue_cert() {
    local dir="$1" name="$2" cn="$3" usage="$4" san="${5:-}"
    {
        echo "basicConstraints=critical,CA:FALSE"
        echo "keyUsage=critical,digitalSignature,keyEncipherment"
        echo "extendedKeyUsage=${usage}"
        echo "subjectKeyIdentifier=hash"
        echo "authorityKeyIdentifier=keyid,issuer"
        [[ -z "${san}" ]] || echo "subjectAltName=${san}"
    } >"${dir}/${name}.ext"
    run_openssl req -new -newkey rsa:2048 -nodes -subj "/CN=${cn}" -keyout "${dir}/${name}.key" -out "${dir}/${name}.csr"
    run_openssl x509 -req -in "${dir}/${name}.csr" -CA "${dir}/ca.pem" -CAkey "${dir}/ca.key" -sha256 \
        -set_serial "0x$(openssl rand -hex 16)" -days "${CERT_DAYS}" -extfile "${dir}/${name}.ext" -out "${dir}/${name}.crt"
    openssl rand -hex 16 >"${dir}/${name}.password"
    # PKCS#5 v1 3DES: the scheme Java can read back (it has no PBES2 key factory). The
    # encryption protects nothing here (the password sits beside it); Kafka wants it.
    run_openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in "${dir}/${name}.key" -out "${dir}/${name}.key.enc" \
        -passout "file:${dir}/${name}.password"
    cat "${dir}/${name}.key.enc" "${dir}/${name}.crt" "${dir}/ca.pem" >"${dir}/${name}.pem"
    rm -f "${dir}/${name}.csr" "${dir}/${name}.ext" "${dir}/${name}.key.enc"
}

# Made once, in a temporary folder swapped in whole (as the jars are). The CA is
# kept while it is valid, so the CA file that clients trust does not change
# when the broker and client certificates are reissued.
ensure_certs() {
    mode_has_tls || return 0
    certs_ready && return 0
    require_openssl
    local tmp="${TLS_DIR}.tmp.$$"
    rm -rf "${TLS_DIR}".tmp.* # leftovers of an interrupted run (we hold the lock)
    mkdir -p "${tmp}" "${LOG_DIR}"
    chmod 755 "${tmp}" # ca.pem and the certificates are public; keys and passwords are made 0600
    : >"${LOG_DIR}/openssl.log"
    if cert_fresh "${TLS_DIR}/ca.pem" && [[ -s "${TLS_DIR}/ca.key" ]]; then
        cp -p "${TLS_DIR}/ca.pem" "${TLS_DIR}/ca.key" "${tmp}/"
    else
        say "making a local TLS CA and certificates for 127.0.0.1/localhost in ${TLS_DIR}"
        run_openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days "${CA_DAYS}" \
            -subj "/CN=Marsad local Kafka CA" -keyout "${tmp}/ca.key" -out "${tmp}/ca.pem" \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    fi
    # The broker's certificate also serves as a client one: it connects to itself.
    issue_cert "${tmp}" broker localhost "serverAuth,clientAuth" "IP:127.0.0.1,DNS:localhost"
    issue_cert "${tmp}" client marsad-client "clientAuth"
    chmod 600 "${tmp}"/*.key "${tmp}"/*.pem "${tmp}"/*.password
    chmod 644 "${tmp}/ca.pem" "${tmp}/broker.crt" "${tmp}/client.crt"
    rm -rf "${TLS_DIR}"
    mv "${tmp}" "${TLS_DIR}"
}

# --------------------------------------------------------------------------- readiness

# Readiness is checked at the Kafka protocol level, not just TCP: a raw
# ApiVersions v0 request written with bash's /dev/tcp (header: size 16, api key
# 18, version 0, correlation id "MARS", client id "marsad"). The broker only
# answers once it has caught up with its metadata and unfenced itself; the
# reply must echo the correlation id with error code 0. It costs milliseconds,
# where a JVM-based probe costs ~1.5 s of CPU on this 2-core machine, and
# ApiVersions is allowed before SASL authentication, so it works in all modes.
# In TLS modes the same bytes go through `openssl s_client`, which also checks
# the broker's certificate against the local CA and the address 127.0.0.1.
readonly API_VERSIONS_REQUEST='\x00\x00\x00\x10\x00\x12\x00\x00MARS\x00\x06marsad'

api_versions_ok() {
    local port="${1:-${PORT}}" mode="${2:-${MODE}}" reply
    if mode_has_tls "${mode}"; then
        local tls=(-CAfile "${TLS_DIR}/ca.pem" -verify_return_error -verify_ip 127.0.0.1)
        mode_is_mutual "${mode}" && tls+=(-cert "${TLS_DIR}/client.crt" -key "${TLS_DIR}/client.key")
        # A coprocess, so the reply can be read as soon as it comes and s_client then
        # stopped (it would otherwise wait for the broker to close the connection).
        reply="$(timeout 5 bash -c '
            request="$1" port="$2"
            shift 2
            coproc TLS_PROBE { exec openssl s_client -quiet -connect "127.0.0.1:${port}" "$@" 2>/dev/null; }
            exec 3>&"${TLS_PROBE[1]}" 4<&"${TLS_PROBE[0]}" # a pipeline cannot use the coproc fds
            printf "${request}" >&3
            head -c 10 <&4 | od -An -tx1
            kill "${TLS_PROBE_PID}" 2>/dev/null || true' _ "${API_VERSIONS_REQUEST}" "${port}" "${tls[@]}" 2>/dev/null |
            tr -d ' \n')" || return 1
    else
        reply="$(timeout 5 bash -c '
            exec 3<>"/dev/tcp/127.0.0.1/$2" || exit 1
            printf "$1" >&3
            head -c 10 <&3 | od -An -tx1' _ "${API_VERSIONS_REQUEST}" "${port}" 2>/dev/null | tr -d ' \n')" || return 1
    fi
    # bytes 0-3: response size (any); 4-7: "MARS"; 8-9: error code 0.
    [[ "${reply}" =~ ^[0-9a-f]{8}4d4152530000$ ]]
}

# In SCRAM modes, one real client round trip (kafka.admin.BrokerApiVersionsCommand,
# in the core jar) also proves that the SCRAM user created at format time can
# log in, which the raw probe cannot (over TLS it also proves that Java clients
# accept the PEM trust store written to the client properties).
scram_login_ok() {
    TOOL_TIMEOUT=30 run_tool kafka.admin.BrokerApiVersionsCommand \
        --bootstrap-server "127.0.0.1:${PORT}" \
        --command-config "$(client_properties)" >"${LOG_DIR}/probe.log" 2>&1 &&
        grep -q "127.0.0.1:${PORT}" "${LOG_DIR}/probe.log"
}

readonly START_MARK="===== kafka.sh: broker start ====="

# Only this start's lines: older runs' output in the same file would mislead.
show_log_tail() {
    local log="${LOG_DIR}/server.log" first
    first="$(grep -nF "${START_MARK}" "${log}" 2>/dev/null | tail -n 1 | cut -d: -f1)"
    warn "---- last lines of ${log} (this start only) ----"
    tail -n "+${first:-1}" "${log}" 2>/dev/null | tail -n 40 >&2 || true
    if [[ -s "${LOG_DIR}/kafka.out" ]]; then
        warn "---- last lines of ${LOG_DIR}/kafka.out (JVM stdout/stderr) ----"
        tail -n 20 "${LOG_DIR}/kafka.out" >&2 || true
    fi
}

wait_until_ready() {
    local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ! kill -0 "${pid}" 2>/dev/null; then
            show_log_tail
            die "the broker (pid ${pid}) exited during start-up; see the log above"
        fi
        if api_versions_ok; then
            if ! mode_has_sasl || scram_login_ok; then
                return 0
            fi
            show_log_tail
            warn "---- ${LOG_DIR}/probe.log ----"
            tail -n 20 "${LOG_DIR}/probe.log" >&2 || true
            die "the broker answers but the SCRAM login as '${SASL_USER}' failed (see above); it is left running: '$0 stop' to stop it"
        fi
        sleep 0.25
    done
    show_log_tail
    die "the broker (pid ${pid}) did not answer on 127.0.0.1:${PORT} within ${START_TIMEOUT}s; it is left running: '$0 stop' to stop it"
}

# --------------------------------------------------------------------------- commands

launch_broker() {
    local heap="${KAFKA_HEAP_OPTS:--Xmx512m -Xms512m}"
    local perf="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
    # Word splitting of the *_OPTS strings is intended (they hold several flags).
    # shellcheck disable=SC2206
    local jvm=(${heap} ${perf} ${KAFKA_OPTS:-})
    jvm+=("-Dkafka.logs.dir=${LOG_DIR}" "-Dlog4j.configuration=file:${CONF_DIR}/log4j.properties")
    : >"${LOG_DIR}/kafka.out"
    printf '[%s] INFO %s (mode %s)\n' "$(date '+%F %T,%3N')" "${START_MARK}" "${MODE}" >>"${LOG_DIR}/server.log"
    # setsid: its own session, so Ctrl-C in the shell or a test runner killing
    # its process group does not take the broker down. The inner bash writes its
    # own pid and then execs java, so the pid file holds the JVM's pid. 9>&-:
    # the JVM must not inherit the lock descriptor, or it would hold the lock forever.
    CLASSPATH="${LIB_DIR}/*" setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "${PID_FILE}" \
        "${JAVA_BIN}" "${jvm[@]}" kafka.Kafka "$(server_properties)" \
        >>"${LOG_DIR}/kafka.out" 2>&1 </dev/null 9>&- &
    local i
    for i in $(seq 50); do # the pid file appears within milliseconds
        [[ -s "${PID_FILE}" ]] && break
        sleep 0.1
    done
    cat "${PID_FILE}" 2>/dev/null || true
}

# start's and path's options, over the MARSAD_KAFKA_SASL / MARSAD_KAFKA_TLS defaults.
# Returns 1 on an option it does not know, which the caller reports.
mode_option() {
    case "$1" in
    --sasl) SASL="scram" ;;
    --tls) [[ "${TLS}" == "mutual" ]] || TLS="tls" ;;
    --mtls) TLS="mutual" ;;
    *) return 1 ;;
    esac
    compose_mode
}

# What a client needs to talk to this broker, printed after start.
client_hint() {
    mode_has_sasl || mode_has_tls || return 0
    local hint
    hint="clients: KAFKA_SECURITY_PROTOCOL=$(security_protocol "${MODE}")"
    mode_has_sasl && hint+=" KAFKA_SASL_MECHANISM=SCRAM-SHA-256 KAFKA_SASL_USERNAME=${SASL_USER}"
    mode_has_tls && hint+=" KAFKA_SSL_CAFILE=${TLS_DIR}/ca.pem"
    mode_is_mutual && hint+=" KAFKA_SSL_CERTFILE=${TLS_DIR}/client.crt KAFKA_SSL_KEYFILE=${TLS_DIR}/client.key"
    say "${hint} (Java clients: $(client_properties))"
}

# Serialises concurrent start/stop calls (e.g. two test sessions at once).
take_lock() {
    mkdir -p "${KAFKA_HOME_DIR}"
    exec 9>"${LOCK_FILE}"
    flock -w 180 9 || die "another kafka.sh holds ${LOCK_FILE}"
}

cmd_start() {
    while (($#)); do
        case "$1" in
        --force) FORCE=1 ;;
        *) mode_option "$1" || die "unknown option for start: $1" ;;
        esac
        shift
    done
    if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" && "${FORCE}" -eq 0 ]]; then
        say "KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS} is set: an external cluster is configured, not starting a local broker (use --force to start one anyway)"
        return 0
    fi
    validate_settings
    take_lock
    find_java

    local pid started=${SECONDS}
    if pid="$(broker_pid)"; then
        local mode port
        mode="$(running_mode)" port="$(running_port)"
        [[ "${mode}" == "${MODE}" && "${port}" == "${PORT}" ]] ||
            die "the broker (pid ${pid}) is running in ${mode} mode on port ${port}, not ${MODE} on ${PORT}; '$0 stop' first"
        if api_versions_ok; then
            say "already running (pid ${pid}, ${mode}) on 127.0.0.1:${PORT}"
            client_hint
            return 0
        fi
        say "broker (pid ${pid}) is running but not answering yet; waiting"
        wait_until_ready "${pid}"
        say "ready on 127.0.0.1:${PORT} (pid ${pid})"
        client_hint
        return 0
    fi
    rm -f "${PID_FILE}"
    local p
    for p in "${PORT}" "${CONTROLLER_PORT}"; do
        if port_open "${p}"; then
            die "port 127.0.0.1:${p} is already in use by another process (not a broker started by this script). Find it with: ss -ltnp 'sport = :${p}'; or choose MARSAD_KAFKA_PORT / MARSAD_KAFKA_CONTROLLER_PORT"
        fi
    done

    resolve_jars
    ensure_certs
    write_configs
    format_storage
    echo "${MODE} ${PORT}" >"${STATE_FILE}"
    pid="$(launch_broker)"
    [[ -n "${pid}" ]] || die "could not launch java (see ${LOG_DIR}/kafka.out)"
    say "started broker pid ${pid} (${MODE}, data in $(data_dir)); waiting up to ${START_TIMEOUT}s for it to answer"
    wait_until_ready "${pid}"
    say "ready on 127.0.0.1:${PORT} after $((SECONDS - started))s (pid ${pid}, ${MODE})"
    client_hint
}

cmd_stop() {
    take_lock
    local pid
    if ! pid="$(broker_pid)"; then
        rm -f "${PID_FILE}"
        say "not running"
        return 0
    fi
    say "stopping broker pid ${pid} (SIGTERM, up to ${STOP_TIMEOUT}s for a clean shutdown)"
    kill -TERM "${pid}" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "${pid}" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.5
    done
    if kill -0 "${pid}" 2>/dev/null; then
        warn "broker pid ${pid} did not exit within ${STOP_TIMEOUT}s; sending SIGKILL (the next start will recover its log)"
        kill -KILL "${pid}" 2>/dev/null || true
        while kill -0 "${pid}" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "${PID_FILE}"
    say "stopped"
}

cmd_status() {
    local pid mode port
    if pid="$(broker_pid)"; then
        mode="$(running_mode)" port="$(running_port)"
        if api_versions_ok "${port}" "${mode}"; then
            say "running: pid ${pid}, ${mode}, 127.0.0.1:${port}, data in $(data_dir "${mode}")"
        else
            say "running: pid ${pid}, ${mode}, but 127.0.0.1:${port} does not answer Kafka requests (starting or stuck; see '$0 logs')"
        fi
        return 0
    fi
    if [[ -f "${PID_FILE}" ]]; then
        say "not running (stale pid file ${PID_FILE})"
    else
        say "not running"
    fi
    [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]] && say "note: KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS} points at an external cluster"
    return 3
}

cmd_logs() {
    local log="${LOG_DIR}/server.log"
    [[ -f "${log}" ]] || die "no broker log yet (${log}); has the broker ever been started?"
    if [[ "${1:-}" == "-f" || "${1:-}" == "--follow" ]]; then
        exec tail -n 100 -F "${log}"
    fi
    tail -n "${MARSAD_KAFKA_LOG_LINES:-100}" "${log}"
}

cmd_reset() {
    take_lock
    local pid
    if pid="$(broker_pid)"; then
        die "the broker (pid ${pid}) is running; '$0 stop' first"
    fi
    local mode
    for mode in plaintext scram tls scram-tls; do
        rm -rf "$(data_dir "${mode}")"
    done
    rm -rf "${LOG_DIR}" "${CONF_DIR}" "${STATE_FILE}" "${PID_FILE}" "${TLS_DIR}"
    say "deleted the broker data, logs and TLS certificates under ${KAFKA_HOME_DIR} (jars kept in ${LIB_DIR})"
}

main() {
    local cmd="${1:-help}"
    (($#)) && shift
    select_mode
    case "${cmd}" in
    start) cmd_start "$@" ;;
    stop) cmd_stop ;;
    restart)
        cmd_stop
        exec 9>&- # release the lock before start takes it again
        cmd_start "$@"
        ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    path)
        while (($#)); do
            mode_option "$1" || die "unknown option for path: $1"
            shift
        done
        data_dir
        ;;
    cafile)
        [[ -s "${TLS_DIR}/ca.pem" ]] || die "no CA yet in ${TLS_DIR}: the first 'start --tls' makes it"
        printf '%s\n' "${TLS_DIR}/ca.pem"
        ;;
    resolve)
        take_lock
        resolve_jars
        ;;
    reset) cmd_reset ;;
    help | -h | --help) usage ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
}

main "$@"
