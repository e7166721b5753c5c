package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"plantracker/store"
)

// tokenConfig is what the token command needs besides the database.
type tokenConfig struct {
	user string // whose token: for create, and to filter list
	name string // what a new token is for
}

func (cfg *tokenConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&cfg.user, "user", "", "the user a token is for")
	fs.StringVar(&cfg.name, "name", "", "what a token is for, e.g. \"ci script\"")
}

// tokenCommand runs "plantracker token …".
func tokenCommand(ctx context.Context, std IO, args []string) error {
	var cfg tokenConfig
	return storeCommand{name: "token", flags: cfg.register}.run(ctx, std, args, func(s *store.Store, positional []string) error {
		return cfg.run(ctx, std.Out, s, positional)
	})
}

func (cfg tokenConfig) run(ctx context.Context, out io.Writer, s *store.Store, args []string) error {
	sub, args := subcommand(args)
	switch {
	case sub == "create" && len(args) == 0 && cfg.user != "":
		secret, tok, err := s.CreateToken(ctx, operator, cfg.user, cfg.name)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "token %d %q for %s; it is shown only now:\n%s\n", tok.ID, tok.Name, tok.Username, secret)
		return nil
	case sub == "list" && len(args) == 0:
		tokens, err := s.Tokens(ctx, cfg.user)
		if err != nil {
			return err
		}
		for _, t := range tokens {
			used := "never used"
			if t.LastUsedAt != nil {
				used = "last used " + t.LastUsedAt.Format(time.RFC3339)
			}
			fmt.Fprintf(out, "%-4d %-16s %-24s %s… %s\n", t.ID, t.Username, t.Name, t.Prefix, used)
		}
		return nil
	case sub == "revoke" && len(args) == 1:
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return fmt.Errorf("token id %q is not a number", args[0])
		}
		if err := s.RevokeToken(ctx, operator, id); err != nil {
			return err
		}
		fmt.Fprintf(out, "revoked token %d\n", id)
		return nil
	}
	return errors.New("usage: plantracker token create -user NAME -name LABEL | list [-user NAME] | revoke ID")
}
