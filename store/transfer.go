package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"time"

	"gorm.io/gorm"
)

// Export and import move everything a store holds, as one JSON document,
// between any two stores: SQLite to PostgreSQL and back. Ids are kept, so
// links (forked_from, the audit trail's entity ids) stay true. Sessions are
// left behind: they are signed-in browsers, not data.

// DumpFormat names the document; DumpVersion its layout.
const (
	DumpFormat  = "plantracker-export"
	DumpVersion = 2
)

// Dump is the exported document. Its lists are the stored rows, in id
// order, with secrets only as the hashes the store keeps.
type Dump struct {
	Format      string                 `json:"format"`
	Version     int                    `json:"version"`
	ExportedAt  time.Time              `json:"exported_at"`
	Parties     []partyRecord          `json:"parties"`
	Sources     []sourceRecord         `json:"sources"`
	Plans       []planRecord           `json:"plans"`
	Drafts      []draftRecord          `json:"drafts"`
	Signatories []signatoryRecord      `json:"draft_signatories"`
	Provisions  []provisionRecord      `json:"provisions"`
	Links       []provisionPartyRecord `json:"provision_parties"`
	Changes     []changeRecord         `json:"changes"`
	Users       []userRecord           `json:"users"`
	Tokens      []tokenRecord          `json:"api_tokens"`
	// Positions and implementation steps (who agrees); absent from older
	// exports.
	Positions []positionRecord           `json:"positions,omitempty"`
	Steps     []implementationStepRecord `json:"implementation_steps,omitempty"`
	// The record beyond the texts; absent from exports made before it.
	DraftStances []draftStanceRecord `json:"draft_stances"`
	Events       []eventRecord       `json:"events"`
	EventParties []eventPartyRecord  `json:"event_parties"`
	EventDrafts  []eventDraftRecord  `json:"event_drafts"`
}

// Export writes everything the store holds to w, from one consistent read
// transaction.
func (s *Store) Export(ctx context.Context, w io.Writer) error {
	d := Dump{Format: DumpFormat, Version: DumpVersion, ExportedAt: s.now()}
	err := s.read.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, q := range []struct {
			into  any
			order string
		}{
			{&d.Parties, "id"}, {&d.Sources, "id"}, {&d.Plans, "id"}, {&d.Drafts, "id"}, {&d.Signatories, "draft_id, position"},
			{&d.Provisions, "id"}, {&d.Links, "provision_id, position"}, {&d.Changes, "id"},
			{&d.Users, "id"}, {&d.Tokens, "id"}, {&d.Positions, "id"}, {&d.Steps, "id"},
			{&d.DraftStances, "id"}, {&d.Events, "id"}, {&d.EventParties, "event_id, position"}, {&d.EventDrafts, "event_id, position"},
		} {
			if err := tx.Order(q.order).Find(q.into).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(d)
}

// ErrNotEmpty: importing into a store that already holds data.
var ErrNotEmpty = errors.New("the database is not empty; import into a new one")

// Import reads a document written by Export into an empty store, in one
// transaction: all of it, or nothing.
func (s *Store) Import(ctx context.Context, r io.Reader) error {
	var d Dump
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return fmt.Errorf("import: not a Plantracker export: %w", err)
	}
	// Version 1 had no sources: its free-text citations become source
	// records as the import ends, as when such a database is opened.
	if d.Format != DumpFormat || d.Version < 1 || d.Version > DumpVersion {
		return fmt.Errorf("import: a %q version %d document; this version reads %q version %d", d.Format, d.Version, DumpFormat, DumpVersion)
	}
	if err := checkDumpText(d); err != nil {
		return err
	}
	empty, err := s.Empty(ctx)
	if err != nil {
		return err
	}
	n, err := s.CountUsers(ctx)
	if err != nil {
		return err
	}
	if !empty || n > 0 {
		return ErrNotEmpty
	}
	return s.inTx(ctx, func(tx *gorm.DB) error {
		for _, rows := range []any{d.Parties, d.Sources, d.Plans, d.Drafts, d.Signatories, d.Provisions, d.Links,
			d.Changes, d.Users, d.Tokens, d.Positions, d.Steps, d.DraftStances, d.Events, d.EventParties, d.EventDrafts} {
			if reflect.ValueOf(rows).Len() == 0 {
				continue // GORM refuses an empty batch; exports made before a table was added lack it
			}
			if err := tx.CreateInBatches(rows, 500).Error; err != nil {
				return fmt.Errorf("import: %w", err)
			}
		}
		if err := s.resetSequences(tx); err != nil {
			return err
		}
		return s.migrateLegacyCitations(tx)
	})
}

// resetSequences moves PostgreSQL's id sequences past the imported ids, so
// that the next row created does not collide. SQLite needs nothing: its
// next rowid follows the largest one.
func (s *Store) resetSequences(tx *gorm.DB) error {
	if s.dialect != Postgres {
		return nil
	}
	for _, table := range []string{"parties", "sources", "plans", "drafts", "provisions", "changes", "users", "api_tokens", "positions", "implementation_steps", "draft_stances", "events"} {
		err := tx.Exec(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)`, table, table)).Error
		if err != nil {
			return err
		}
	}
	return nil
}
