#!/usr/bin/env bash
# One way to reach OpenGL: app/platform/gl_api.* (the GlApi table). Nothing else in app/ or
# tests/drivers/ resolves entry points, includes GL headers or calls a gl* prototype directly.
#   tests/layering/check-one-gl-loader.sh <source root>   (fails naming file and line)
set -u
root=${1:?usage: check-one-gl-loader.sh <source root>}
cd "$root" || exit 2
dirs=()
for d in app tests/drivers; do [ -d "$d" ] && dirs+=("$d"); done
[ ${#dirs[@]} -gt 0 ] || { echo "check-one-gl-loader: no app/ or tests/drivers/ under $root"; exit 2; }

# Lines allowed outside the loader, as "file:extended regex of the line", each with its reason.
allowed=(
    # none: every GL call goes through platform/gl_api (add an entry only with its reason)
)

isAllowed() { # file text
    local entry
    for entry in "${allowed[@]}"; do
        [ "${entry%%:*}" = "$1" ] && [[ "$2" =~ ${entry#*:} ]] && return 0
    done
    return 1
}

sources() { find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | sort; }

# Prints "file:line: text" for every line matching the awk regex once comments (and what the
# optional second regex matches) are taken out.
scan() { # regex [ignored]
    sources | tr '\n' '\0' | xargs -0 awk -v re="$1" -v ignored="${2:-}" '{
        code = $0; sub(/\/\/.*/, "", code); if (ignored != "") gsub(ignored, "", code)
        if (code ~ re) print FILENAME ":" FNR ": " $0 }'
}

findings=()
report() { # rule  skip-regex-for-file
    local line file text
    while IFS= read -r line; do
        file=${line%%:*}
        text=${line#*: }
        [[ "$file" =~ $2 ]] && continue
        isAllowed "$file" "$text" && continue
        findings+=("$1: $line")
    done
}
loader='^app/platform/gl_api\.(cpp|hpp)$'
report "resolves GL outside gl_api.cpp" '^app/platform/gl_api\.cpp$' < <(scan 'SDL_GL_GetProcAddress')
report "GL header outside gl_api" "$loader" \
    < <(scan '^[ \t]*#[ \t]*(include[ \t]*[<"](SDL_opengl|GL/|GLES|EGL/|glad/|epoxy/)|define[ \t]+GL_GLEXT_PROTOTYPES)')
# A call to a gl* function: not a member, not the loader's glReady/glProcAddress, not
# Window::glContext (kiosk names that only look like GL's).
report "direct GL call outside gl_api.cpp" "$loader" \
    < <(scan '(^|[^A-Za-z0-9_.>:])gl[A-Z][A-Za-z0-9_]*\(' '(glReady|glProcAddress|glContext)\(')

if [ ${#findings[@]} -gt 0 ]; then
    echo "OpenGL is reached only through app/platform/gl_api.hpp (gl(), clearFrame):"
    printf '  %s\n' "${findings[@]}"
    exit 1
fi
echo "one GL loader: app/platform/gl_api.* only ($(sources | wc -l) files in ${dirs[*]})"
