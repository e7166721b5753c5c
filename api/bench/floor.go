package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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
// FloorHandler serves GET /provisions/{id} with net/http and database/sql
// alone: the same two queries the store makes (the row, then its party
// links with their short names), the same models.Provision encoded with
// encoding/json, from the same SQLite file opened the way the store opens
// its read pool (WAL, query_only, four connections). No router, no
// middleware, no token, no ORM, no access log.
//
// CommitLoop is the floor of a write: one transaction after another, each
// an UPDATE of a provision (which fires the same full-text triggers) and
// the INSERT of its change row, with the synchronous setting the server
// uses. Nothing is read, validated or encoded.

// sqliteDSN is how the store opens a SQLite file, less what does not
// matter here.
func sqliteDSN(path, sync string, readOnly bool) string {
	q := "_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=" + sync
	if readOnly {
		q += "&_txlock=deferred&_query_only=true"
	} else {
		q += "&_txlock=immediate"
	}
	return "file:" + path + "?" + q
}

// OpenFloor opens the floor's read pool on path.
func OpenFloor(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", sqliteDSN(path, "FULL", true))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	return db, db.Ping()
}

// FloorHandler is the bare handler.
func FloorHandler(db *sql.DB) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /provisions/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		p, err := FloorProvision(r.Context(), db, id)
		if err == sql.ErrNoRows {
			http.NotFound(w, r)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		body, err := json.Marshal(p)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("ETag", `"`+strconv.Itoa(p.Version)+`"`)
		w.Write(body)
	})
	return mux
}

// FloorProvision reads one provision with its parties and the references
// of its sources, with three queries.
func FloorProvision(ctx context.Context, db *sql.DB, id int64) (models.Provision, error) {
	var p models.Provision
	var terms, sources string
	err := db.QueryRowContext(ctx, `SELECT id, draft_id, key, point, category, kind, title, text, terms,
		status, sourcing, sources, version, created_at, updated_at FROM provisions WHERE id = ?`, id).
		Scan(&p.ID, &p.DraftID, &p.Key, &p.Point, &p.Category, &p.Kind, &p.Title, &p.Text, &terms,
			&p.Status, &p.Sourcing, &sources, &p.Version, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(sources), &p.Sources); err != nil {
		return p, err
	}
	p.Terms = json.RawMessage(terms)
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	rows, err := db.QueryContext(ctx, `SELECT p.short_name, pp.role, pp.stance, pp.stance_date, pp.stance_sources
		FROM provision_parties pp JOIN parties p ON p.id = pp.party_id WHERE pp.provision_id = ? ORDER BY pp.position`, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	p.Parties = []models.ProvisionParty{}
	for rows.Next() {
		var pp models.ProvisionParty
		var stanceSources string
		if err := rows.Scan(&pp.Party, &pp.Role, &pp.Stance, &pp.StanceDate, &stanceSources); err != nil {
			return p, err
		}
		if err := json.Unmarshal([]byte(stanceSources), &pp.StanceSources); err != nil {
			return p, err
		}
		p.Parties = append(p.Parties, pp)
	}
	if err := rows.Err(); err != nil {
		return p, err
	}
	return p, floorReferences(ctx, db, p.Sources)
}

// floorReferences fills in the references of a provision's own citations.
func floorReferences(ctx context.Context, db *sql.DB, cs []models.Citation) error {
	for i := range cs {
		var src models.Source
		err := db.QueryRowContext(ctx, `SELECT publisher, title, date FROM sources WHERE key = ?`, cs[i].Source).
			Scan(&src.Publisher, &src.Title, &src.Date)
		if err != nil {
			return err
		}
		cs[i].Reference = src.Reference()
	}
	return nil
}

// ServeFloor serves the bare handler on addr until ctx ends.
func ServeFloor(ctx context.Context, path, addr string) error {
	db, err := OpenFloor(path)
	if err != nil {
		return err
	}
	defer db.Close()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: FloorHandler(db), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(l); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// CommitLoop commits, for d, one transaction after another on the SQLite
// file at path: each updates the title of a provision (of ids, in turn) and
// adds its change row, before and after being the provision as JSON. It
// measures each commit as a request.
func CommitLoop(path, sync string, ids []int64, d time.Duration) (Result, error) {
	res := Result{Name: "bare SQLite commit loop (" + strings.ToUpper(sync) + ")", Elapsed: d}
	db, err := sql.Open("sqlite3", sqliteDSN(path, sync, false))
	if err != nil {
		return res, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	p, err := FloorProvision(ctx, db, ids[0])
	if err != nil {
		return res, err
	}
	before, _ := json.Marshal(p)
	var lat []time.Duration
	start := time.Now()
	for n := 0; time.Since(start) < d; n++ {
		t0 := time.Now()
		id := ids[n%len(ids)]
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return res, err
		}
		now := time.Now().UTC()
		if _, err := tx.Exec(`UPDATE provisions SET title = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			fmt.Sprintf("Revised by the commit loop, %d", n), now, id); err != nil {
			tx.Rollback()
			return res, err
		}
		if _, err := tx.Exec(`INSERT INTO changes (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			now, "bench", "provision", id, "update", string(before), string(before)); err != nil {
			tx.Rollback()
			return res, err
		}
		if err := tx.Commit(); err != nil {
			return res, err
		}
		lat = append(lat, time.Since(t0))
	}
	res.Elapsed = time.Since(start)
	res.Requests = len(lat)
	res.P50, res.P99, res.Max = percentiles(lat)
	return res, nil
}
