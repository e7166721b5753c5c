package seeds

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files of seeds/pending are not embedded or loaded yet: the entities
// they hold are being built. Until they land, this test keeps them honest
// with what exists: their plan files validate as seed plan files do, every
// source they cite is a record of data/sources.json or pending/sources.json,
// every source record has an https address and a date, and every draft
// they name is a seeded or pending draft. It skips when the folder is gone
// (its files moved into data/).
func TestPendingFilesHoldTogether(t *testing.T) {
	if _, err := os.Stat("pending"); err != nil {
		t.Skip("no pending folder")
	}
	d := readData(t)
	sources := map[string]bool{}
	for _, s := range d.Sources {
		sources[s.Key] = true
	}
	var pending []map[string]any
	readJSON(t, "pending/sources.json", &pending)
	for _, s := range pending {
		key, _ := s["key"].(string)
		if sources[key] {
			t.Errorf("pending source %s is already in data/sources.json", key)
		}
		sources[key] = true
		if u, _ := s["url"].(string); !strings.HasPrefix(u, "https://") {
			t.Errorf("pending source %s has no https address", key)
		}
		if dt, _ := s["date"].(string); len(dt) != 10 {
			t.Errorf("pending source %s has no date", key)
		}
	}
	drafts := map[string]bool{}
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			drafts[draftRef(pf, ds.Number)] = true
		}
	}
	files, _ := filepath.Glob("pending/plans-2026/*.json")
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var pf PlanFile
		if err := json.Unmarshal(raw, &pf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var standing struct {
			Drafts []struct {
				Standing string `json:"standing"`
			} `json:"drafts"`
		}
		_ = json.Unmarshal(raw, &standing)
		for i, ds := range pf.Drafts {
			ref := draftRef(pf, ds.Number)
			drafts[ref] = true
			if s := standing.Drafts[i].Standing; s != "official" && s != "reported" {
				t.Errorf("%s: standing %q", ref, s)
			}
			if dr := ds.Draft(1); dr.Validate() != nil {
				err := dr.Validate()
				t.Errorf("%s: %v", ref, err)
			}
			for _, c := range ds.Sources {
				if !sources[c.Source] {
					t.Errorf("%s cites %s, which is no source record", ref, c.Source)
				}
			}
			for _, in := range ds.Provisions {
				p := in.Provision(1)
				if err := p.Validate(); err != nil {
					t.Errorf("%s %s: %v", ref, in.Key, err)
				}
				for _, c := range in.Sources {
					if !sources[c.Source] {
						t.Errorf("%s %s cites %s, which is no source record", ref, in.Key, c.Source)
					}
				}
			}
		}
	}
	type cited struct {
		Key     string            `json:"key"`
		Draft   string            `json:"draft"`
		Drafts  []string          `json:"drafts"`
		Event   string            `json:"event"`
		Sources []json.RawMessage `json:"sources"`
	}
	events := map[string]bool{}
	for _, name := range []string{"events.json", "draft-stances.json", "positions.json", "implementation.json"} {
		var items []cited
		readJSON(t, "pending/"+name, &items)
		for i, it := range items {
			if name == "events.json" {
				events[it.Key] = true
			}
			if len(it.Sources) == 0 {
				t.Errorf("%s #%d cites no source", name, i)
			}
			for _, raw := range it.Sources {
				var c struct{ Source string }
				_ = json.Unmarshal(raw, &c)
				if !sources[c.Source] {
					t.Errorf("%s #%d cites %s, which is no source record", name, i, c.Source)
				}
			}
			for _, ref := range append(it.Drafts, it.Draft) {
				if ref != "" && !drafts[ref] {
					t.Errorf("%s #%d names the draft %s, which is neither seeded nor pending", name, i, ref)
				}
			}
			if it.Event != "" && !events[it.Event] {
				t.Errorf("%s #%d names the event %s, which events.json lacks", name, i, it.Event)
			}
		}
	}
}

func readJSON(t *testing.T, name string, into any) {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if err := dec.Decode(into); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
