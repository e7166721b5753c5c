package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"plantracker/models"
)

// currentTerms waits for the store's terms to be read at the database's
// present epoch, as a search asking for them sets going.
func currentTerms(t *testing.T, s *Store) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		epoch, ok := termsEpoch(s.reader(context.Background()))
		if !ok {
			t.Fatal("the terms epoch cannot be read")
		}
		if terms := s.terms.current(epoch, s.readSearchTerms); terms != nil {
			return terms
		}
		if time.Now().After(deadline) {
			t.Fatalf("the terms were not read at epoch %d", epoch)
		}
		s.terms.mu.Lock()
		s.terms.notBefore = time.Time{} // a test need not wait a second between reads
		s.terms.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
}

func searchKeys(t *testing.T, s *Store, q string) []string {
	t.Helper()
	var keys []string
	for _, f := range []ProvisionFilter{{Query: q}, {Query: q, Limit: 2}} {
		page, err := s.Search(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range page.Items {
			keys = append(keys, h.Key)
		}
	}
	return keys
}

// TestSearchByTermsFindsWhatPrefixesFind: asked as the terms it begins, a
// word finds what it finds as a prefix, in English and Ukrainian, with
// letters the tokenizer keeps (й, ї, є, ґ); words it folds (é) stay
// prefixes. A provision written by another handle of the database, with
// a word new to the index, is found at once: its epoch makes the terms
// stale; and a raised epoch (a restore) does too.
func TestSearchByTermsFindsWhatPrefixesFind(t *testing.T) {
	s := openTest(t)
	f := newFixture(t, s)
	ctx := context.Background()
	for i, text := range []string{
		"Security guarantees modelled on Article 5, guaranteed for ten years.",
		"Гарантії безпеки, гарантовані на десять років; мирний їжак ґанок є.",
		"The Élysée talks on the guarantor's role.",
	} {
		if _, err := s.CreateProvision(ctx, "tester", models.Provision{DraftID: f.draft.ID, Key: fmt.Sprintf("words-%d", i),
			Point: "1", Kind: "other", Title: "Words", Text: text, Terms: []byte(`{}`), Sourcing: "reported",
			Sources: cites("axios-2025-11-20")}); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{"guarantee", "guarant", "гарант", "гарантії", "мирн", "їжак", "ґанок", "elys", "élysée", "article 5", "securi guara", "nothing"}
	asPrefixes := map[string][]string{}
	for _, q := range queries {
		asPrefixes[q] = searchKeys(t, s, q) // the terms unread: prefixes
	}
	terms := currentTerms(t, s)
	for _, want := range []string{"guaranteed", "guarantees", "гарантії", "ґанок", "їжак", "elysee"} {
		if _, found := slices.BinarySearch(terms, want); !found {
			t.Errorf("the index's terms lack %q", want)
		}
	}
	for _, q := range queries {
		if got := searchKeys(t, s, q); !slices.Equal(got, asPrefixes[q]) {
			t.Errorf("%q found %v by terms, %v by prefix", q, got, asPrefixes[q])
		}
	}
	if got := s.fts5Match(s.reader(ctx), searchWords("guarantee élysée a")); got != `- {search_facets} : (("guarantee" OR "guaranteed" OR "guarantees") AND "élysée"* AND "a")` {
		t.Errorf("the query is %s", got)
	}

	// Another handle adds a word the terms lack: found at once.
	other := openDSN(t, s.path)
	if _, err := other.CreateProvision(ctx, "tester", models.Provision{DraftID: f.draft.ID, Key: "new-word",
		Point: "2", Kind: "other", Title: "New", Text: "Guaranteeing the line.", Terms: []byte(`{}`), Sourcing: "reported",
		Sources: cites("axios-2025-11-20")}); err != nil {
		t.Fatal(err)
	}
	if got := searchKeys(t, s, "guarantee"); !slices.Contains(got, "new-word") {
		t.Errorf("a provision written elsewhere is not found: %v", got)
	}
	if terms := currentTerms(t, s); !slices.Contains(terms, "guaranteeing") {
		t.Errorf("the terms read again lack the new word")
	}
	if got := searchKeys(t, s, "guaranteein"); !slices.Contains(got, "new-word") {
		t.Errorf("the new word is not found by its terms: %v", got)
	}

	// A restore raises the epoch past: the terms are stale.
	before, _ := termsEpoch(s.reader(ctx))
	if err := s.raiseTermsEpochPast(ctx, before+5); err != nil {
		t.Fatal(err)
	}
	after, _ := termsEpoch(s.reader(ctx))
	if after != before+6 || s.terms.current(after, func() (int64, []string, error) { return 0, nil, nil }) != nil {
		t.Errorf("epoch %d → %d, the terms still current", before, after)
	}
	if !strings.Contains(s.fts5Match(s.reader(ctx), []string{"guarantee"}), "*") {
		t.Error("stale terms are used")
	}
}
