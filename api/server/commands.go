package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"plantracker/store"
)

// command is one entry of the command table: its name and what runs it,
// with the arguments after the name (flags and positional arguments
// mixed). Each command parses the flags it takes into the config it needs.
type command struct {
	name string
	run  func(ctx context.Context, std IO, args []string) error
}

// commands is the command table: every command the binary runs.
var commands = []command{
	{"serve", serve},
	{"seed", seed},
	{"user", userCommand},
	{"token", tokenCommand},
	{"backup", backup},
	{"restore", restore},
	{"export", export},
	{"import", importCommand},
	{"gen", generate},
	{"licenses", licenses},
}

// IO is where a command reads and writes.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// StdIO is the process's standard input, output and error.
func StdIO() IO { return IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr} }

// Run runs the command args name ("serve" when the first argument is a flag
// or there is none) with the rest of args. ctx ends it: serve then shuts
// down gracefully.
func Run(ctx context.Context, args []string, std IO) error {
	name := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, std, args)
		}
	}
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return fmt.Errorf("unknown command %q: use %s or %s", name, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// newFlags is a command's flag set, named for the errors and -h.
func newFlags(name string, std IO) *flag.FlagSet {
	fs := flag.NewFlagSet("plantracker "+name, flag.ContinueOnError)
	fs.SetOutput(std.Err)
	return fs
}

// parseFlags parses args with fs and returns the positional arguments:
// flags may come before, between or after them ("user add alice -role
// editor").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// env is the environment variable name's value, or def when it is unset.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

// storeConfig is the database every command but licenses opens: -db and
// -sync.
type storeConfig struct {
	dsn  string
	sync string
}

func (c *storeConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&c.dsn, "db", env("PLANTRACKER_DB", "plantracker.db"), "SQLite file or postgres:// DSN")
	fs.StringVar(&c.sync, "sync", env("PLANTRACKER_SYNC", "FULL"), "SQLite synchronous: FULL or NORMAL")
}

// acceptServing lets a command that does not serve take serve's flags, and
// does nothing with them: the README promises that every command takes
// the flags of the configuration table, so that one set of flags can be
// passed to all. gen has a -seed of its own (the random seed).
func acceptServing(fs *flag.FlagSet, seed bool) {
	const unused = "serve's; not used by this command"
	fs.String("addr", "", unused)
	fs.String("trusted-proxies", "", unused)
	fs.String("public-url", "", unused)
	if seed {
		fs.Bool("seed", true, unused)
	}
}

func (c storeConfig) open(ctx context.Context) (*store.Store, error) {
	return store.Open(ctx, c.dsn, store.Options{Synchronous: c.sync})
}

// storeCommand is how a command that opens the database reads its
// arguments: the database's flags, serve's (unused) and its own.
type storeCommand struct {
	name    string
	ownSeed bool                            // it has a -seed of its own (gen), so serve's is not taken
	flags   func(fs *flag.FlagSet)          // its own flags, or nil
	check   func(positional []string) error // the usage check, made before the database opens; nil: none
}

// run parses args, checks the positional arguments, opens the database and
// runs do with it and them; the database is closed after.
func (c storeCommand) run(ctx context.Context, std IO, args []string, do func(s *store.Store, positional []string) error) error {
	var db storeConfig
	fs := newFlags(c.name, std)
	db.register(fs)
	acceptServing(fs, !c.ownSeed)
	if c.flags != nil {
		c.flags(fs)
	}
	positional, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if c.check != nil {
		if err := c.check(positional); err != nil {
			return err
		}
	}
	s, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return do(s, positional)
}

// fileCommand runs a command that takes the database's flags and one file
// (backup, restore, export, import), or none when optional: do gets the
// open database and the file ("" when there is none) and returns the line
// to print when it succeeds ("" for none).
func fileCommand(ctx context.Context, name string, std IO, args []string, optional bool, do func(s *store.Store, file string) (string, error)) error {
	check := func(positional []string) error {
		if len(positional) == 1 || len(positional) == 0 && optional {
			return nil
		}
		return fmt.Errorf("usage: plantracker %s FILE", name)
	}
	return storeCommand{name: name, check: check}.run(ctx, std, args, func(s *store.Store, positional []string) error {
		file := ""
		if len(positional) == 1 {
			file = positional[0]
		}
		done, err := do(s, file)
		if err != nil {
			return err
		}
		if done != "" {
			fmt.Fprintln(std.Out, done)
		}
		return nil
	})
}

// operator is who the audit trail says ran a command-line change.
const operator = "operator"
