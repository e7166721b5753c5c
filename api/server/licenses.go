package server

import (
	"context"
	"io"

	"plantracker/ui/notices"
)

// licenses runs "plantracker licenses": the licences of the binary's code
// and of the software built into it.
func licenses(ctx context.Context, std IO, args []string) error {
	_, err := io.WriteString(std.Out, notices.Text())
	return err
}
