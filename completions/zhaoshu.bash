# bash completion for zhaoshu(1).
#
# Commands and options are read from `zhaoshu --help` and
# `zhaoshu COMMAND --help`, so new commands and options complete without
# editing this file; only option arguments are known here.

_zhaoshu()
{
    local cur prev words cword
    _init_completion || return

    local cmd="" db=() i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db) db=(--db "${words[i + 1]}"); ((i++)) ;;
            --manifest | --threads | -n | --limit | --offset | --park | --year | \
                --figure | --snippet | --color | --metric | --listen | --timeout | -C | --context | \
                --sort | --date | --source | --wait) ((i++)) ;;
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        local cmds
        cmds=$("$1" --help 2>/dev/null | awk '/^Commands:/ {on = 1; next}
                                             on && /^  [a-z]/ {print $1}
                                             on && /^$/ {on = 0}')
        COMPREPLY=($(compgen -W "$cmds --help" -- "$cur"))
        return
    fi

    case $prev in
        --db | --manifest)
            _filedir
            return ;;
        --color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --park)
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("$1" parks "${db[@]}" 2>/dev/null |
                awk -F'  +' '{print $2}')" -- "$cur"))
            return ;;
        --sort)
            COMPREPLY=($(compgen -W "score date -date" -- "$cur"))
            return ;;
        --threads | -n | --limit | --offset | --year | --figure | --snippet | --metric | \
            --listen | --timeout | -C | --context | --date | --source)
            return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        # the option column of the help: "  -n, --limit N", "  --db FILE"
        opts=$("$1" "$cmd" --help 2>/dev/null | awk '/^ +-/ {
            for (i = 1; i <= NF && $i ~ /^-/; i++) { sub(/,$/, "", $i); print $i } }')
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    case $cmd in
        index | show) _filedir ;;
        segment | query | parks | check | status | figures | serve) ;;
        *) _filedir ;;
    esac
} &&
    complete -F _zhaoshu zhaoshu
