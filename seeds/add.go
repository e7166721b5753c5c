package seeds

import (
	"context"
	"fmt"

	"plantracker/models"
)

// PartyStore is what AddParties needs of the store.
type PartyStore interface {
	Parties(ctx context.Context) ([]models.Party, error)
	CreateParty(ctx context.Context, actor string, p models.Party) (models.Party, error)
}

// SourceStore is what AddSources needs of the store.
type SourceStore interface {
	Sources(ctx context.Context) ([]models.Source, error)
	CreateSource(ctx context.Context, actor string, src models.Source) (models.Source, error)
}

// AddParties creates, as actor, each of parties whose short name s lacks
// (and an earlier one of parties did not have), and says how many it
// created: what loading the seed data and generating data share.
func AddParties(ctx context.Context, s PartyStore, actor string, parties []models.Party) (int, error) {
	return addMissing(ctx, s.Parties, s.CreateParty, actor, func(p models.Party) string { return p.ShortName }, parties,
		func(i int) string { return "party " + parties[i].ShortName })
}

// AddSources is AddParties for sources, by key.
func AddSources(ctx context.Context, s SourceStore, actor string, sources []models.Source) (int, error) {
	return addMissing(ctx, s.Sources, s.CreateSource, actor, func(src models.Source) string { return src.Key }, sources,
		func(i int) string { return "source " + sources[i].Key })
}

// addMissing creates, as actor, each of want whose key is not among those
// list returns (nor an earlier one of want's), and says how many it
// created; a failure names want[i] with name(i).
func addMissing[T any](ctx context.Context, list func(context.Context) ([]T, error), create func(context.Context, string, T) (T, error),
	actor string, key func(T) string, want []T, name func(i int) string) (int, error) {
	existing, err := list(ctx)
	if err != nil {
		return 0, err
	}
	have := make(map[string]bool, len(existing))
	for _, v := range existing {
		have[key(v)] = true
	}
	added := 0
	for i, v := range want {
		k := key(v)
		if have[k] {
			continue
		}
		if _, err := create(ctx, actor, v); err != nil {
			return added, fmt.Errorf("%s: %w", name(i), err)
		}
		have[k] = true
		added++
	}
	return added, nil
}

// convert is f of each of in.
func convert[A, B any](in []A, f func(A) B) []B {
	out := make([]B, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
