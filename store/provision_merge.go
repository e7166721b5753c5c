package store

import (
	"context"
	"encoding/json"

	"plantracker/models"
)

// MergeProvision applies a JSON Merge Patch (RFC 7396) to a provision, if
// it is still at ifVersion (0: any): nested terms merge instead of being
// replaced (see models.Provision.MergePatch). The patch is merged into the
// provision as it is when the write is made, by the one path every change
// of a provision takes.
func (s *Store) MergeProvision(ctx context.Context, actor string, id int64, ifVersion int, patch json.RawMessage) (models.Provision, error) {
	return s.modifyProvision(ctx, actor, id, ifVersion, func(p *models.Provision) error {
		pp, err := p.MergePatch(patch)
		if err != nil {
			return err
		}
		pp.Apply(p)
		return nil
	})
}
