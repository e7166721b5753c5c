package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	jsonv2 "github.com/go-json-experiment/json"
	"gorm.io/gorm"

	"plantracker/models"
)

// Provision returns the provision with id, with its parties.
func (s *Store) Provision(ctx context.Context, id int64) (models.Provision, error) {
	return loadProvision(s.reader(ctx), id)
}

// DraftProvisions returns every provision of a draft in the draft's order.
func (s *Store) DraftProvisions(ctx context.Context, draftID int64) ([]models.Provision, error) {
	db := s.reader(ctx)
	if _, err := loadDraft(db, draftID); err != nil {
		return nil, err
	}
	return loadDraftRows(db, draftID)
}

// loadProvision reads one provision in one round trip to the database: its
// row, with its party links and the references of every source it and its
// stances cite aggregated into two JSON columns beside it. A provision is
// read alone on every GET of it and before every edit, and there the round
// trips, not the rows, were the cost: three statements took half again
// the time of one. (A list reads its page in three statements whatever its
// length, loadProvisions, which for 50 rows is cheaper than aggregating
// per row.) The statement goes by queryRows, as written for each database.
func loadProvision(db *gorm.DB, id int64) (models.Provision, error) {
	query := sqliteProvisionRead
	if db.Dialector.Name() == "postgres" {
		query = postgresProvisionRead
	}
	rows, err := queryRows(db, query, id)
	if err != nil {
		return models.Provision{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return models.Provision{}, err
		}
		return models.Provision{}, fmt.Errorf("%w: no provision %d", ErrNotFound, id)
	}
	var r provisionRecord
	var parties, sources string
	if err := scanProvision(rows, &r, &parties, &sources); err != nil {
		return models.Provision{}, err
	}
	var links []models.ProvisionParty
	if err := jsonv2.Unmarshal([]byte(parties), &links); err != nil {
		return models.Provision{}, fmt.Errorf("provision %d's parties: %w", id, err)
	}
	p := r.model(links)
	var cited [][4]string // key, publisher, title, date
	if err := jsonv2.Unmarshal([]byte(sources), &cited); err != nil {
		return models.Provision{}, fmt.Errorf("provision %d's sources: %w", id, err)
	}
	refs := make(map[string]string, len(cited))
	for _, c := range cited {
		refs[c[0]] = models.Source{Publisher: c[1], Title: c[2], Date: c[3]}.Reference()
	}
	models.SetReferences(refs, models.CitationLists(p)...)
	return p, nil
}

// The statement of loadProvision on each database: the row's columns, then
// its party links in their order as a JSON list of models.ProvisionParty,
// then [key, publisher, title, date] of each source cited by the provision,
// one of its stances or one of its translations. A stored list of citations is JSON text (a
// stance's may be empty text in old rows).
const (
	sqliteProvisionRead = `SELECT ` + provisionColumns + `,
	(SELECT json_group_array(json_object('party', p.short_name, 'role', pp.role, 'stance', pp.stance,
			'stance_date', pp.stance_date, 'stance_sources', json(COALESCE(NULLIF(pp.stance_sources, ''), '[]')))
		ORDER BY pp.position)
		FROM provision_parties pp JOIN parties p ON p.id = pp.party_id WHERE pp.provision_id = provisions.id),
	(SELECT json_group_array(json_array(s.key, s.publisher, s.title, s.date)) FROM sources s WHERE s.key IN (
		SELECT c.value ->> 'source' FROM json_each(NULLIF(provisions.sources, '')) c
		UNION ALL
		SELECT c.value ->> 'source' FROM provision_parties pp, json_each(NULLIF(pp.stance_sources, '')) c
			WHERE pp.provision_id = provisions.id
		UNION ALL
		SELECT c.value ->> 'source' FROM json_each(provisions.translations) t, json_each(t.value -> 'sources') c))
FROM provisions WHERE provisions.id = ?`

	postgresProvisionRead = `SELECT ` + provisionColumns + `,
	(SELECT COALESCE(json_agg(json_build_object('party', p.short_name, 'role', pp.role, 'stance', pp.stance,
			'stance_date', pp.stance_date, 'stance_sources', COALESCE(NULLIF(pp.stance_sources, ''), '[]')::json)
		ORDER BY pp.position), '[]')::text
		FROM provision_parties pp JOIN parties p ON p.id = pp.party_id WHERE pp.provision_id = provisions.id),
	(SELECT COALESCE(json_agg(json_build_array(s.key, s.publisher, s.title, s.date)), '[]')::text FROM sources s WHERE s.key IN (
		SELECT c ->> 'source' FROM json_array_elements(NULLIF(provisions.sources, '')::json) c
		UNION ALL
		SELECT c ->> 'source' FROM provision_parties pp, json_array_elements(NULLIF(pp.stance_sources, '')::json) c
			WHERE pp.provision_id = provisions.id
		UNION ALL
		SELECT c ->> 'source' FROM json_array_elements(provisions.translations::json) t, json_array_elements(t -> 'sources') c))
FROM provisions WHERE provisions.id = $1`
)

// partyBatch bounds the ids per IN list, well below every database's limit
// on bound parameters.
const partyBatch = 5000

// provisionColumns are a provision row's columns, in the order
// scanProvision reads them; qualified, so that a query may join the row
// with another table (the full-text index).
const provisionColumns = "provisions.id, provisions.draft_id, provisions.key, provisions.point, provisions.sort_key, " +
	"provisions.category, provisions.kind, provisions.title, provisions.text, " +
	"provisions.original_language, provisions.translations, provisions.terms, provisions.status, " +
	"provisions.sourcing, provisions.sources, provisions.version, provisions.created_at, provisions.updated_at"

// scanProvision reads provisionColumns into r, and the columns the query
// selects after them into more.
func scanProvision(rows *sql.Rows, r *provisionRecord, more ...any) error {
	return rows.Scan(append([]any{&r.ID, &r.DraftID, &r.Key, &r.Point, &r.SortKey, &r.Category, &r.Kind, &r.Title, &r.Text,
		&r.OriginalLanguage, &r.Translations, &r.Terms, &r.Status, &r.Sourcing, &r.Sources, &r.Version, &r.CreatedAt, &r.UpdatedAt}, more...)...)
}

// loadProvisions runs a query for provisions and fills in their parties with
// one more query per batch (never one per provision). It reads the rows
// itself rather than through GORM's reflection: every list, search, report
// and export goes through here, and a 1,000-provision draft reads in half
// the time.
func loadProvisions(q *gorm.DB) ([]models.Provision, error) {
	return loadProvisionsWith(q, loadProvisionParties)
}

// loadDraftRows reads every provision of a draft in the draft's order
// (by number, then by key in byte order), with its parties. The index
// provisions_reading_order holds that order, so the rows are never sorted.
func loadDraftRows(db *gorm.DB, draftID int64) ([]models.Provision, error) {
	return loadProvisionsWith(inDraftOrder(db, draftID), func(links *gorm.DB, recs []*provisionRecord) (map[int64][]models.ProvisionParty, error) {
		return loadDraftParties(links, draftID, len(recs))
	})
}

// inDraftOrder is the query for a draft's provisions in the draft's order.
func inDraftOrder(db *gorm.DB, draftID int64) *gorm.DB {
	return db.Where("draft_id = ?", draftID).Order("sort_key").Order(inByteOrder(db, "key"))
}

// loadProvisionsWith is loadProvisions with the party links read by
// parties (given a fresh session and the rows read).
func loadProvisionsWith(q *gorm.DB, parties func(*gorm.DB, []*provisionRecord) (map[int64][]models.ProvisionParty, error)) ([]models.Provision, error) {
	rows, err := q.Model(&provisionRecord{}).Select(provisionColumns).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Pointers, so that the list grows by 8 bytes a row rather than by the
	// record's 300 (each record is on the heap anyway: the scan takes its
	// fields' addresses): for a 1,000-provision draft, 1 MB less copied.
	var recs []*provisionRecord
	for rows.Next() {
		r := new(provisionRecord)
		if err := scanProvision(rows, r); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	byProvision, err := parties(q.Session(&gorm.Session{NewDB: true}), recs)
	if err != nil {
		return nil, err
	}
	out := make([]models.Provision, len(recs))
	for i, r := range recs {
		out[i] = r.model(byProvision[r.ID])
	}
	if err := fillProvisionReferences(q.Session(&gorm.Session{NewDB: true}), out...); err != nil {
		return nil, err
	}
	return out, nil
}

// fillProvisionReferences gives the citations of provisions, theirs and
// their stances', the references of their sources.
func fillProvisionReferences(db *gorm.DB, ps ...models.Provision) error {
	return fillReferences(db, models.CitationLists(ps...)...)
}

// loadProvisionParties reads the party links of provisions, by provision,
// in batches of ids.
func loadProvisionParties(db *gorm.DB, recs []*provisionRecord) (map[int64][]models.ProvisionParty, error) {
	links := newPartyLinks(len(recs))
	for start := 0; start < len(recs); start += partyBatch {
		end := min(start+partyBatch, len(recs))
		ids := make([]int64, 0, end-start)
		for _, r := range recs[start:end] {
			ids = append(ids, r.ID)
		}
		if err := links.read(db.Where("pp.provision_id IN ?", ids)); err != nil {
			return nil, err
		}
	}
	return links.byProvision, nil
}

// loadDraftParties reads the party links of every provision of a draft,
// by provision: the draft named in the statement rather than its
// provisions' ids bound one by one (for 1,000 provisions, a thousand
// parameters the database would sort into a list of its own first).
func loadDraftParties(db *gorm.DB, draftID int64, provisions int) (map[int64][]models.ProvisionParty, error) {
	links := newPartyLinks(provisions)
	err := links.read(db.Where("pp.provision_id IN (SELECT id FROM provisions WHERE draft_id = ?)", draftID))
	return links.byProvision, err
}

// partyLinks gathers party links by provision. The links of each read
// share one list, each provision's a slice of it, and a list of citations
// that several stances share (the same JSON) is decoded once and copied
// to each: for a 1,000-provision draft, some 1,500 links, most of them
// citing one of a few sources.
type partyLinks struct {
	byProvision map[int64][]models.ProvisionParty
	decoded     map[string][]models.Citation
}

func newPartyLinks(provisions int) *partyLinks {
	return &partyLinks{byProvision: make(map[int64][]models.ProvisionParty, provisions), decoded: map[string][]models.Citation{}}
}

// read adds the links that where (a query with its condition) selects.
func (l *partyLinks) read(where *gorm.DB) error {
	rows, err := where.Table("provision_parties pp").
		Select("pp.provision_id, p.short_name, pp.role, pp.stance, pp.stance_date, pp.stance_sources").
		Joins("JOIN parties p ON p.id = pp.party_id").
		Order("pp.provision_id, pp.position").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var links []models.ProvisionParty // in the order of their provisions
	var owners []int64                // the provision of each link
	for rows.Next() {
		var id int64
		var pp models.ProvisionParty
		var sources string
		if err := rows.Scan(&id, &pp.Party, &pp.Role, &pp.Stance, &pp.StanceDate, &sources); err != nil {
			return err
		}
		cited, ok := l.decoded[sources]
		if !ok {
			cited = citationsOf(sources)
			l.decoded[sources] = cited
		}
		// Each link its own copy: references are filled in place.
		pp.StanceSources = slices.Clone(cited)
		links, owners = append(links, pp), append(owners, id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := 0; i < len(links); {
		j := i + 1
		for j < len(links) && owners[j] == owners[i] {
			j++
		}
		l.byProvision[owners[i]] = links[i:j:j]
		i = j
	}
	return nil
}
