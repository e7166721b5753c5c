package server

// export and import: the whole database as JSON, out to a file (or
// standard output) and into an empty database.

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"

	"plantracker/store"
)

// export runs "plantracker export [FILE]": everything, as JSON, to FILE or
// to standard output.
func export(ctx context.Context, std IO, args []string) error {
	return fileCommand(ctx, "export", std, args, true, func(s *store.Store, file string) (string, error) {
		if file == "" {
			return "", s.Export(ctx, std.Out)
		}
		return "", writeFileAtomically(file, func(w io.Writer) error { return s.Export(ctx, w) })
	})
}

// importCommand runs "plantracker import FILE": it loads an export into an
// empty database (SQLite or PostgreSQL).
func importCommand(ctx context.Context, std IO, args []string) error {
	return fileCommand(ctx, "import", std, args, false, func(s *store.Store, file string) (string, error) {
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if err := s.Import(ctx, bufio.NewReader(f)); err != nil {
			return "", err
		}
		return "imported " + file, nil
	})
}

// writeFileAtomically writes a file under a temporary name and renames it
// into place, so that a failed export never leaves half a file behind.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
