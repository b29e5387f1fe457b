#!/usr/bin/env bash
# Installs shell completions for capsim (commands, options, template names) for the current user.
# Usage: scripts/install-completions.sh [bash|zsh|fish] [PATH-TO-CAPSIM]
#   default shell: the one in $SHELL; default capsim: .build/release/capsim, else capsim on the PATH.
# The scripts come from the binary itself (ArgumentParser: capsim --generate-completion-script SHELL), so they always
# match the installed version; run this again after upgrading capsim.
set -euo pipefail
cd "$(dirname "$0")/.."
shell=${1:-$(basename "${SHELL:-bash}")}
capsim=${2:-.build/release/capsim}
if [ ! -x "$capsim" ]; then capsim=$(command -v capsim || true); fi
if [ -z "$capsim" ]; then
  echo "install-completions: capsim not found; build it first (swift build -c release) or pass its path" >&2
  exit 66
fi
case "$shell" in
  bash)
    dir=${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}/completions
    file=$dir/capsim
    note="bash-completion loads it in new shells (package bash-completion)";;
  zsh)
    dir=${ZDOTDIR:-$HOME}/.zfunc
    file=$dir/_capsim
    note="add to ~/.zshrc, before compinit: fpath=(~/.zfunc \$fpath); autoload -U compinit && compinit";;
  fish)
    dir=${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions
    file=$dir/capsim.fish
    note="fish loads it in new shells";;
  *)
    echo "install-completions: unknown shell '$shell'; expected bash, zsh or fish" >&2
    exit 64;;
esac
mkdir -p "$dir"
"$capsim" --generate-completion-script "$shell" > "$file.tmp"
mv "$file.tmp" "$file"
echo "installed $file ($note)"
