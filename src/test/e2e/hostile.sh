# hostile.sh — the values of the escaping round trip (sourced): every one must reach the job
# byte for byte as argv element and as environment value.

HOSTILE=(
    'plain'
    ''
    'two words'
    '  leading and trailing spaces  '
    "it's"
    'say "hi"'
    "mixed 'single' \"double\""
    'back\slash \\ double \n not-a-newline'
    'trailing backslash\'
    '100%'
    '%n %i %% %h'
    '$HOME'
    '${PATH}'
    '$$'
    '$1 $@ $*'
    'a;b'
    ';'
    ' ; '
    '-dash'
    '--double-dash'
    '@at'
    ':colon'
    '+plus'
    '!bang'
    '!!double-bang'
    '-@:+!'
    '|pipe &amp <lt> >gt `tick` *glob? ~tilde #hash'
    $'tab\there'
    'non-ASCII: héllo ✓ 日本語 🙂'
    "long: $(printf 'x%.0s' {1..4000}) end"
)

HOSTILE_DESCRIPTION='Hostile "desc" 100% $HOME \back ; -@:+! héllo ✓'

# Environment names are E2E_V00, E2E_V01, ... in the order of HOSTILE.
hostile_env_name() { printf 'E2E_V%02d' "$1"; }

# The bytes the job must write: argv NUL-separated, and the environment as NAME=VALUE entries,
# NUL-separated, sorted (names are fixed-width, so order of HOSTILE = sorted order).
hostile_expected_argv() { printf '%s\0' "${HOSTILE[@]}"; }
hostile_expected_env() {
    local i
    for i in "${!HOSTILE[@]}"; do printf '%s=%s\0' "$(hostile_env_name "$i")" "${HOSTILE[$i]}"; done
}
