package api

import (
	"context"

	"plantracker/models"
)

// PartyStore is what the party handlers need of the store.
type PartyStore interface {
	Parties(ctx context.Context) ([]models.Party, error)
	Party(ctx context.Context, id int64) (models.Party, error)
	CreateParty(ctx context.Context, actor string, p models.Party) (models.Party, error)
	UpdateParty(ctx context.Context, actor string, id int64, ifVersion int, patch models.PartyPatch) (models.Party, error)
	DeleteParty(ctx context.Context, actor string, id int64, ifVersion int) error
}
