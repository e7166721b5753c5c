package bench

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // the bare database/sql driver of the floor

	"plantracker/models"
)

// The floor: what the same work costs with nothing of ours in the way.
//
// Floor serves, with net/http and database/sql alone, from the same SQLite
// file opened the way the store opens it (WAL, synchronous=FULL, the
// driver's statement cache, a read pool of four query-only connections and
// one writer):
//
//   - GET /provisions/{id}: the queries the store makes (the row, its party
//     links with their parties' short names, the references of the sources
//     it cites), the same models.Provision encoded with encoding/json;
//   - GET /drafts/{id}/provisions?limit=N: a page of a draft in the draft's
//     order (sort key, then id) with its parties, the draft's total and the
//     cursor of the next page: the same JSON as ours;
//   - GET /one/provisions/{id}: the same answer built by SQLite in one
//     statement (oneStatementProvision), the bytes sent as they come: what
//     a provision costs with one round trip and no encoding in Go;
//   - PATCH /provisions/{id} with {"title": "…"}: one transaction of the two
//     writes ours makes, the UPDATE of the provision (which fires the same
//     full-text triggers) and the INSERT of its change row (before and after
//     being a provision's JSON, of the size ours writes), answered 204.
//     It decodes the body; nothing is read from the database, validated
//     or encoded.
//
// No router, no middleware, no token, no ORM, no access log.
type Floor struct {
	read, write *sql.DB
	// change is a provision as JSON: the before and after of every change
	// row the floor writes.
	change string
}

// sqliteDSN is how the store opens a SQLite file, less what does not
// matter here.
func sqliteDSN(path, sync string, readOnly bool) string {
	q := "_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_stmt_cache_size=64&_cache_size=-8000&_synchronous=" + sync
	if readOnly {
		q += "&_txlock=deferred&_query_only=true"
	} else {
		q += "&_txlock=immediate"
	}
	return "file:" + path + "?" + q
}

// OpenFloor opens the floor's pools on path.
func OpenFloor(path string) (*Floor, error) {
	read, err := sql.Open("sqlite3", sqliteDSN(path, "FULL", true))
	if err != nil {
		return nil, err
	}
	read.SetMaxOpenConns(4)
	read.SetMaxIdleConns(4)
	write, err := sql.Open("sqlite3", sqliteDSN(path, "FULL", false))
	if err != nil {
		read.Close()
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	f := &Floor{read: read, write: write}
	ctx := context.Background()
	var first int64
	if err := read.QueryRowContext(ctx, `SELECT MIN(id) FROM provisions`).Scan(&first); err != nil {
		f.Close()
		return nil, fmt.Errorf("the floor's database: %w", err)
	}
	p, err := f.Provision(ctx, first)
	if err != nil {
		f.Close()
		return nil, err
	}
	change, _ := json.Marshal(p)
	f.change = string(change)
	return f, write.Ping()
}

// Close closes the floor's pools.
func (f *Floor) Close() error {
	err := f.read.Close()
	if werr := f.write.Close(); err == nil {
		err = werr
	}
	return err
}

// Handler is the bare handler.
func (f *Floor) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /provisions/{id}", withID(func(w http.ResponseWriter, r *http.Request, id int64) {
		p, err := f.Provision(r.Context(), id)
		answerProvision(w, r, err, p.Version, func() { writeJSON(w, p) })
	}))
	mux.HandleFunc("GET /one/provisions/{id}", withID(func(w http.ResponseWriter, r *http.Request, id int64) {
		var body string
		var version int
		err := f.read.QueryRowContext(r.Context(), oneStatementProvision, id).Scan(&body, &version)
		answerProvision(w, r, err, version, func() {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			io.WriteString(w, body)
		})
	}))
	mux.HandleFunc("GET /drafts/{id}/provisions", withID(func(w http.ResponseWriter, r *http.Request, id int64) {
		limit := 50
		if s := r.URL.Query().Get("limit"); s != "" {
			var err error
			if limit, err = strconv.Atoi(s); err != nil || limit < 1 || limit > 500 {
				http.Error(w, "limit: 1 to 500", http.StatusBadRequest)
				return
			}
		}
		page, err := f.DraftPage(r.Context(), id, limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeJSON(w, page)
	}))
	mux.HandleFunc("PATCH /provisions/{id}", withID(func(w http.ResponseWriter, r *http.Request, id int64) {
		var in struct {
			Title *string `json:"title"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Title == nil {
			http.Error(w, `want {"title": "…"}`, http.StatusBadRequest)
			return
		}
		switch err := f.Retitle(r.Context(), id, *in.Title); {
		case err == sql.ErrNoRows:
			http.NotFound(w, r)
		case err != nil:
			http.Error(w, err.Error(), http.StatusInternalServerError)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	return mux
}

// withID is h with the path's {id}, or not found where it is no number.
func withID(h func(w http.ResponseWriter, r *http.Request, id int64)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		h(w, r, id)
	}
}

// answerProvision answers a GET of a provision the floor read (err): not
// found, an error, or the provision's ETag and what send writes.
func answerProvision(w http.ResponseWriter, r *http.Request, err error, version int, send func()) {
	switch {
	case err == sql.ErrNoRows:
		http.NotFound(w, r)
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
	default:
		w.Header().Set("ETag", `"`+strconv.Itoa(version)+`"`)
		send()
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(body)
}

// floorPage is the JSON of a page of provisions, as ours sends it.
type floorPage struct {
	Items      []models.Provision `json:"items"`
	Total      *int64             `json:"total,omitempty"`
	Limit      int                `json:"limit"`
	Offset     int                `json:"offset,omitempty"`
	NextCursor string             `json:"next_cursor,omitempty"`
}

// Provision reads one provision with its parties and the references of
// the sources it cites.
func (f *Floor) Provision(ctx context.Context, id int64) (models.Provision, error) {
	ps, _, err := f.provisions(ctx, `WHERE id = ?`, id)
	if err == nil && len(ps) == 0 {
		err = sql.ErrNoRows
	}
	if err != nil {
		return models.Provision{}, err
	}
	return ps[0], nil
}

// DraftPage reads the first page of limit provisions of a draft, with
// their parties, the draft's total and the next page's cursor.
func (f *Floor) DraftPage(ctx context.Context, draft int64, limit int) (floorPage, error) {
	page := floorPage{Limit: limit, Total: new(int64)}
	if err := f.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM provisions WHERE draft_id = ?`, draft).Scan(page.Total); err != nil {
		return page, err
	}
	items, sortKeys, err := f.provisions(ctx, `WHERE draft_id = ? ORDER BY sort_key, id LIMIT ?`, draft, limit+1)
	if err != nil {
		return page, err
	}
	if len(items) > limit {
		items = items[:limit]
		last := items[limit-1]
		page.NextCursor = base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%d.%d.%d", last.DraftID, sortKeys[limit-1], last.ID))
	}
	page.Items = items
	return page, nil
}

// provisions reads the provisions a WHERE clause selects, then their
// party links (one query) and the references of their citations (one
// more); it returns their sort keys beside them.
func (f *Floor) provisions(ctx context.Context, where string, args ...any) ([]models.Provision, []int, error) {
	rows, err := f.read.QueryContext(ctx, `SELECT id, draft_id, key, point, sort_key, category, kind, title, text,
		original_language, translations, terms, status, sourcing, sources, version, created_at, updated_at FROM provisions `+where, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	ps := []models.Provision{}
	var sortKeys []int
	byID := map[int64]int{}
	for rows.Next() {
		var p models.Provision
		var sortKey int
		var terms, sources, translations string
		if err := rows.Scan(&p.ID, &p.DraftID, &p.Key, &p.Point, &sortKey, &p.Category, &p.Kind, &p.Title, &p.Text,
			&p.OriginalLanguage, &translations, &terms, &p.Status, &p.Sourcing, &sources, &p.Version, &p.CreatedAt, &p.UpdatedAt); err != nil {
			return nil, nil, err
		}
		p.Sources = []models.Citation{}
		if err := json.Unmarshal([]byte(sources), &p.Sources); err != nil {
			return nil, nil, err
		}
		p.Translations = []models.Translation{}
		if err := json.Unmarshal([]byte(translations), &p.Translations); err != nil {
			return nil, nil, err
		}
		p.Terms = json.RawMessage(terms)
		p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
		p.Parties = []models.ProvisionParty{}
		byID[p.ID] = len(ps)
		ps = append(ps, p)
		sortKeys = append(sortKeys, sortKey)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows.Close()
	if len(ps) == 0 {
		return ps, sortKeys, nil
	}
	ids := make([]any, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	rows, err = f.read.QueryContext(ctx, `SELECT pp.provision_id, p.short_name, pp.role, pp.stance, pp.stance_date, pp.stance_sources
		FROM provision_parties pp JOIN parties p ON p.id = pp.party_id
		WHERE pp.provision_id IN (`+placeholders(len(ids))+`) ORDER BY pp.provision_id, pp.position`, ids...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var pp models.ProvisionParty
		var stanceSources string
		if err := rows.Scan(&id, &pp.Party, &pp.Role, &pp.Stance, &pp.StanceDate, &stanceSources); err != nil {
			return nil, nil, err
		}
		pp.StanceSources = []models.Citation{}
		if err := json.Unmarshal([]byte(stanceSources), &pp.StanceSources); err != nil {
			return nil, nil, err
		}
		p := &ps[byID[id]]
		p.Parties = append(p.Parties, pp)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows.Close()
	return ps, sortKeys, f.references(ctx, ps)
}

// references fills in the references of the provisions' citations, theirs
// and their stances', with one query.
func (f *Floor) references(ctx context.Context, ps []models.Provision) error {
	lists := models.CitationLists(ps...)
	var keys []any
	seen := map[string]bool{}
	for _, l := range lists {
		for _, c := range l {
			if !seen[c.Source] {
				seen[c.Source] = true
				keys = append(keys, c.Source)
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	rows, err := f.read.QueryContext(ctx, `SELECT key, publisher, title, date FROM sources WHERE key IN (`+placeholders(len(keys))+`)`, keys...)
	if err != nil {
		return err
	}
	defer rows.Close()
	refs := map[string]string{}
	for rows.Next() {
		var key string
		var src models.Source
		if err := rows.Scan(&key, &src.Publisher, &src.Title, &src.Date); err != nil {
			return err
		}
		refs[key] = src.Reference()
	}
	if err := rows.Err(); err != nil {
		return err
	}
	models.SetReferences(refs, lists...)
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Retitle gives a provision a new title in one transaction with its change
// row, as ours writes it.
func (f *Floor) Retitle(ctx context.Context, id int64, title string) error {
	tx, err := f.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().UTC()
	res, err := tx.ExecContext(ctx, `UPDATE provisions SET title = ?, version = version + 1, updated_at = ? WHERE id = ?`, title, now, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = sql.ErrNoRows
		}
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO changes (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		now, "bench", "provision", id, "update", f.change, f.change); err != nil {
		return err
	}
	return tx.Commit()
}

// ServeFloor serves the bare handler on addr until ctx ends.
func ServeFloor(ctx context.Context, path, addr string) error {
	f, err := OpenFloor(path)
	if err != nil {
		return err
	}
	defer f.Close()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: f.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(l); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// oneStatementProvision is a provision's JSON, as ours encodes it, built by
// SQLite alone: the row, its party links in their order and the references
// of the sources they cite, in one statement. encoding/json leaves empty
// omitempty fields out; a merge patch (json_patch) removes a key whose
// patch value is null, and keeps the key's place when it is not. Times are
// stored as Go writes them ("2006-01-02 15:04:05.999999999+00:00") and
// sent in RFC 3339. The answer is ours byte for byte where no text holds
// what encoding/json escapes for HTML (<, >, &).
const oneStatementProvision = `
SELECT json_patch(json_object(
		'id', p.id, 'draft_id', p.draft_id, 'key', p.key, 'point', p.point, 'category', p.category, 'kind', p.kind,
		'title', p.title, 'text', p.text, 'original_language', p.original_language,
		'translations', json((SELECT json_group_array(json_object('language', t.value ->> 'language',
				'title', t.value ->> 'title', 'text', t.value ->> 'text',
				'sources', json((SELECT json_group_array(` + citationJSON + `) FROM json_each(t.value -> 'sources') c
					LEFT JOIN sources s ON s.key = c.value ->> 'source'))))
			FROM json_each(p.translations) t)),
		'terms', json(p.terms), 'status', p.status, 'sourcing', p.sourcing,
		'sources', json((SELECT json_group_array(` + citationJSON + `) FROM json_each(p.sources) c
			LEFT JOIN sources s ON s.key = c.value ->> 'source')),
		'parties', json((SELECT json_group_array(json_patch(
				json_object('party', pa.short_name, 'role', pp.role, 'stance', pp.stance),
				json_object('stance_date', NULLIF(pp.stance_date, ''), 'stance_sources',
					json((SELECT CASE WHEN count(*) > 0 THEN json_group_array(` + citationJSON + `) END
						FROM json_each(pp.stance_sources) c LEFT JOIN sources s ON s.key = c.value ->> 'source'))))
				ORDER BY pp.position)
			FROM provision_parties pp JOIN parties pa ON pa.id = pp.party_id WHERE pp.provision_id = p.id)),
		'version', p.version,
		'created_at', replace(replace(p.created_at, ' ', 'T'), '+00:00', 'Z'),
		'updated_at', replace(replace(p.updated_at, ' ', 'T'), '+00:00', 'Z')),
	json_object('point', NULLIF(p.point, ''))), p.version
FROM provisions p WHERE p.id = ?`

// citationJSON is a citation (c, from json_each) with its source's (s)
// reference, as models.Citation encodes: "Publisher, 2 Jan 2006: Title",
// the date as stored where it is no date, each part only where known.
const citationJSON = `json_patch(
	json_object('source', c.value ->> 'source', 'sourcing', c.value ->> 'sourcing'),
	json_object('locator', NULLIF(c.value ->> 'locator', ''), 'reference', NULLIF(s.publisher
		|| CASE WHEN s.date = '' THEN ''
			WHEN date(s.date) IS s.date THEN ', ' || CAST(substr(s.date, 9, 2) AS INTEGER) || ' '
				|| substr('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * CAST(substr(s.date, 6, 2) AS INTEGER) - 2, 3)
				|| ' ' || substr(s.date, 1, 4)
			ELSE ', ' || s.date END
		|| CASE WHEN s.title = '' THEN '' ELSE ': ' || s.title END, '')))`
