package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/synoptic-news/synoptic/internal/export"
)

// commandsHelp lists the words synoptic takes as a first argument.
const commandsHelp = `Commands:
  synoptic export [flags] [PATH...]    write the story as html, md, txt, json…
  synoptic help [export]               this text (or the export's)
  synoptic version                     the version
  synoptic completion bash|zsh|fish    a shell completion script
  synoptic man                         the manual page (man -l <(synoptic man))
A file named like a command is read as ./help, ./version…
`

// exitHelp lists the exit statuses.
const exitHelp = `Exit status:
  0    success
  1    an input could not be read (a file, a folder or a web address)
  2    a usage error (an unknown flag or format, a bad --articles…)
  130  interrupted (ctrl+c)
`

// commands are the words run takes as a command rather than as a PATH.
var commands = []string{"help", "version", "completion", "man"}

// isCommand says whether arg is one of commands, and which.
func isCommand(arg string, cmd *string) bool {
	for _, c := range commands {
		if arg == c {
			*cmd = c
			return true
		}
	}
	return false
}

// runCommand runs help, version, completion or man.
func runCommand(cmd string, args []string, stdout io.Writer) error {
	switch cmd {
	case "help":
		if len(args) > 0 && args[0] == "export" {
			fs, _ := newExportFlags(stdout)
			fs.Usage()
			return nil
		}
		if len(args) > 0 {
			return usageError{fmt.Sprintf("help %q: there is help for synoptic and for export", args[0])}
		}
		fs, _ := newReadFlags(stdout)
		fs.Usage()
	case "version":
		if len(args) > 0 {
			return usageError{"version takes no arguments"}
		}
		fmt.Fprintf(stdout, "synoptic %s\n", version)
	case "completion":
		if len(args) != 1 {
			return usageError{"completion wants one shell: bash, zsh or fish"}
		}
		return writeCompletion(stdout, args[0])
	case "man":
		if len(args) > 0 {
			return usageError{"man takes no arguments"}
		}
		writeMan(stdout)
	}
	return nil
}

// flagInfo is one flag as the man page and completions show it.
type flagInfo struct {
	name, arg, usage string
	boolean          bool
}

// flagsOf lists the flags of fs in name order.
func flagsOf(fs *flag.FlagSet) []flagInfo {
	var out []flagInfo
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		_, boolean := f.Value.(interface{ IsBoolFlag() bool })
		out = append(out, flagInfo{f.Name, arg, usage, boolean})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func dash(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// writeCompletion writes the completion script for shell.
func writeCompletion(w io.Writer, shell string) error {
	rfs, _ := newReadFlags(io.Discard)
	efs, _ := newExportFlags(io.Discard)
	names := func(fs *flag.FlagSet) string {
		var s []string
		for _, f := range flagsOf(fs) {
			s = append(s, dash(f.name))
		}
		return strings.Join(s, " ")
	}
	formats := strings.Join(export.Formats(), " ")
	words := strings.Join(append([]string{"export"}, commands...), " ")
	switch shell {
	case "bash":
		fmt.Fprintf(w, `# bash completion for synoptic: source <(synoptic completion bash)
_synoptic() {
  local cur prev sub
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  sub=${COMP_WORDS[1]}
  case $prev in
    --format) COMPREPLY=($(compgen -W %q -- "$cur")); return ;;
    --only) COMPREPLY=($(compgen -W "all changed single" -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    if [[ $sub == export ]]; then COMPREPLY=($(compgen -W %q -- "$cur"))
    else COMPREPLY=($(compgen -W %q -- "$cur")); fi
    return
  fi
  if [[ $COMP_CWORD == 1 ]]; then COMPREPLY=($(compgen -W %q -- "$cur")); fi
  COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -F _synoptic synoptic
`, formats, names(efs), names(rfs), words)
	case "zsh":
		fmt.Fprintf(w, `#compdef synoptic
# zsh completion for synoptic: synoptic completion zsh > "${fpath[1]}/_synoptic"
_synoptic() {
  if [[ $words[CURRENT-1] == --format ]]; then compadd -- %s; return; fi
  if [[ $words[CURRENT-1] == --only ]]; then compadd -- all changed single; return; fi
  if [[ $words[CURRENT-1] == completion ]]; then compadd -- bash zsh fish; return; fi
  if [[ $PREFIX == -* ]]; then
    if [[ $words[2] == export ]]; then compadd -- %s; else compadd -- %s; fi
    return
  fi
  (( CURRENT == 2 )) && compadd -- %s
  _files
}
compdef _synoptic synoptic
`, formats, names(efs), names(rfs), words)
	case "fish":
		fmt.Fprintln(w, "# fish completion for synoptic: synoptic completion fish > ~/.config/fish/completions/synoptic.fish")
		fmt.Fprintf(w, "complete -c synoptic -n '__fish_use_subcommand' -a %q\n", words)
		for _, set := range []struct {
			fs   *flag.FlagSet
			cond string
		}{{rfs, "not __fish_seen_subcommand_from export"}, {efs, "__fish_seen_subcommand_from export"}} {
			for _, f := range flagsOf(set.fs) {
				opt := "-l " + f.name
				if len(f.name) == 1 {
					opt = "-s " + f.name
				}
				extra := ""
				switch {
				case f.name == "format":
					extra = fmt.Sprintf(" -x -a %q", formats)
				case f.name == "only":
					extra = ` -x -a "all changed single"`
				case !f.boolean && f.arg != "FILE":
					extra = " -x"
				case !f.boolean:
					extra = " -r -F"
				}
				fmt.Fprintf(w, "complete -c synoptic -n %q %s%s -d %q\n", set.cond, opt, extra, firstSentence(f.usage))
			}
		}
		fmt.Fprintln(w, "complete -c synoptic -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'")
	default:
		return usageError{fmt.Sprintf("completion %q: want bash, zsh or fish", shell)}
	}
	return nil
}

// firstSentence shortens a flag's usage for a completion's description.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, ":("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// writeMan writes synoptic(1) in roff, from the usage texts and the flag
// definitions.
func writeMan(w io.Writer) {
	rfs, _ := newReadFlags(io.Discard)
	efs, _ := newExportFlags(io.Discard)
	fmt.Fprintf(w, ".TH SYNOPTIC 1 \"\" \"synoptic %s\" \"User Commands\"\n", roff(version))
	fmt.Fprint(w, ".SH NAME\nsynoptic \\- news articles about one story side by side\n")
	fmt.Fprint(w, ".SH SYNOPSIS\n.B synoptic\n[\\fIflags\\fR] [\\fIPATH\\fR...]\n.br\n.B synoptic export\n[\\fIflags\\fR] [\\fIPATH\\fR...]\n.br\n.B synoptic\nhelp | version | completion \\fIshell\\fR | man\n")
	section := func(title, text string) {
		fmt.Fprintf(w, ".SH %s\n", title)
		for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
			fmt.Fprintf(w, ".PP\n%s\n", roff(para))
		}
	}
	usageText := func(u string) string {
		_, rest, _ := strings.Cut(u, "\n\n") // after the usage lines
		rest, _, _ = strings.Cut(rest, "Flags:")
		return rest
	}
	section("DESCRIPTION", usageText(readUsage))
	flags := func(title string, fs *flag.FlagSet) {
		fmt.Fprintf(w, ".SH %s\n", title)
		for _, f := range flagsOf(fs) {
			head := "\\fB" + roff(dash(f.name)) + "\\fR"
			if f.arg != "" {
				head += " \\fI" + roff(f.arg) + "\\fR"
			}
			fmt.Fprintf(w, ".TP\n%s\n%s\n", head, roff(f.usage))
		}
	}
	flags("OPTIONS", rfs)
	section("EXPORT", usageText(exportUsage))
	flags("EXPORT OPTIONS", efs)
	fmt.Fprint(w, ".SH EXIT STATUS\n")
	for _, l := range strings.Split(strings.TrimSpace(exitHelp), "\n")[1:] {
		code, text, _ := strings.Cut(strings.TrimSpace(l), " ")
		fmt.Fprintf(w, ".TP\n.B %s\n%s\n", code, roff(strings.TrimSpace(text)))
	}
	fmt.Fprint(w, ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nas \\-\\-no\\-color\n.TP\n.B SYNOPTIC_CACHE\nthe folder of the copies of fetched web pages\n.TP\n.B GOMEMLIMIT\nthe memory limit of an export\n")
}

// roff escapes text for a man page: backslashes and hyphens, and a line
// that would start with a control character.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}
