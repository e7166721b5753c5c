package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"plantracker/models"
)

// Provisions name parties in their terms by short name (a troop cap's
// party, a guarantee's guarantors), not by id: the foreign keys that guard
// party links, signatories and plan origins do not see them. So renaming a
// party rewrites them, and deleting one first looks for them.

// provisionsNamingInTerms returns the provisions whose terms name the party
// short name, with where: a LIKE on the stored JSON narrows the rows, and
// models.PartyReferences decides (a title that happens to hold the name is
// no reference).
func provisionsNamingInTerms(tx *gorm.DB, short string) ([]models.Provision, []string, error) {
	// Short names are capitals, digits and hyphens: nothing LIKE treats
	// specially.
	candidates, err := loadProvisions(tx.Where("terms LIKE ?", `%"`+short+`"%`).Order("id"))
	if err != nil {
		return nil, nil, err
	}
	var out []models.Provision
	var where []string
	for _, p := range candidates {
		for _, r := range p.PartyReferences() {
			if r.Party == short && strings.HasPrefix(r.Field, "terms.") {
				out = append(out, p)
				where = append(where, fmt.Sprintf("provision %d (%s, %s)", p.ID, p.Key, r.Field))
				break
			}
		}
	}
	return out, where, nil
}

// renamePartyInTerms rewrites every term naming old to name new, in the
// caller's transaction: each provision rewritten gets a new version and a
// change of its own, made by the actor who renamed the party. provisions
// are the ones provisionsNamingInTerms found before the rename.
func (s *Store) renamePartyInTerms(tx *gorm.DB, actor, old, new string, provisions []models.Provision) error {
	now := s.now()
	for _, before := range provisions {
		after, renamed := before.RenameParty(old, new)
		if !renamed {
			continue
		}
		after.Version, after.UpdatedAt = before.Version+1, now
		res := tx.Exec("UPDATE provisions SET terms = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
			string(after.Terms), after.Version, now, before.ID, before.Version)
		if res.Error != nil {
			return translate(res.Error, "provision")
		}
		if res.RowsAffected != 1 {
			return fmt.Errorf("%w: provision %d, which names party %s, was changed meanwhile; try again", ErrConflict, before.ID, old)
		}
		if err := s.recordChange(tx, actor, models.EntityProvision, before.ID, models.ActionUpdate, before, after); err != nil {
			return err
		}
	}
	return nil
}
