package server

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"plantracker/models"
	"plantracker/store"
)

// userConfig is what the user command needs besides the database.
type userConfig struct {
	role          string
	passwordStdin bool
	keepTokens    bool
}

func (cfg *userConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&cfg.role, "role", models.RoleViewer, "the user's role: viewer, editor or admin")
	fs.BoolVar(&cfg.passwordStdin, "password-stdin", false, "read the password from standard input instead of generating one")
	fs.BoolVar(&cfg.keepTokens, "keep-tokens", false, "with passwd: leave the user's API tokens valid (sessions end all the same)")
}

// userCommand runs "plantracker user …".
func userCommand(ctx context.Context, std IO, args []string) error {
	var cfg userConfig
	return storeCommand{name: "user", flags: cfg.register}.run(ctx, std, args, func(s *store.Store, positional []string) error {
		return cfg.run(ctx, std, s, positional)
	})
}

func (cfg userConfig) run(ctx context.Context, std IO, s *store.Store, args []string) error {
	out := std.Out
	sub, args := subcommand(args)
	switch {
	case sub == "list" && len(args) == 0:
		users, err := s.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			fmt.Fprintf(out, "%-24s %s\n", u.Username, u.Role)
		}
		return nil
	case sub == "add" && len(args) == 1:
		password, generated, err := newPassword(cfg.passwordStdin, std.In)
		if err != nil {
			return err
		}
		u, err := s.CreateUser(ctx, operator, models.User{Username: args[0], Role: cfg.role}, password)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "added %s (%s)\n", u.Username, u.Role)
		if generated {
			fmt.Fprintf(out, "password: %s\n", password)
		}
		return nil
	case sub == "passwd" && len(args) == 1:
		password, generated, err := newPassword(cfg.passwordStdin, std.In)
		if err != nil {
			return err
		}
		if err := s.SetPassword(ctx, operator, args[0], password, cfg.keepTokens); err != nil {
			return err
		}
		ended := "their sessions and API tokens are ended"
		if cfg.keepTokens {
			ended = "their sessions are ended; their API tokens are kept"
		}
		fmt.Fprintf(out, "new password set for %s; %s\n", models.NormalizeUsername(args[0]), ended)
		if generated {
			fmt.Fprintf(out, "password: %s\n", password)
		}
		return nil
	case sub == "role" && len(args) == 2:
		u, err := s.SetRole(ctx, operator, args[0], args[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is now %s\n", u.Username, u.Role)
		return nil
	case sub == "remove" && len(args) == 1:
		if err := s.DeleteUser(ctx, operator, args[0]); err != nil {
			return err
		}
		fmt.Fprintf(out, "removed %s\n", models.NormalizeUsername(args[0]))
		return nil
	}
	return errors.New("usage: plantracker user add NAME [-role viewer|editor|admin] [-password-stdin] | passwd NAME [-password-stdin] [-keep-tokens] | role NAME ROLE | list | remove NAME")
}

func subcommand(args []string) (string, []string) {
	if len(args) == 0 {
		return "", nil
	}
	return args[0], args[1:]
}

// newPassword reads a password from standard input (-password-stdin) or
// makes one up, to be printed once.
func newPassword(fromStdin bool, stdin io.Reader) (password string, generated bool, err error) {
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
		return strings.TrimRight(line, "\r\n"), false, nil
	}
	return generatePassword(), true, nil
}

// generatePassword returns a random password of 20 characters from an
// alphabet without look-alikes (no 0/O, 1/l/I), easy to read out and type.
func generatePassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	var b [20]byte
	_, _ = rand.Read(b[:]) // crypto/rand does not fail on supported platforms
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:])
}
