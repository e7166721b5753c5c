package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"plantracker/models"
)

// EntityToken is the audit trail's name for API tokens.
const EntityToken = "token"

// TokenPrefix starts every API token, so that a leaked one is recognisable
// (secret scanners look for such prefixes).
const TokenPrefix = "pt_"

func (r tokenRecord) model(username string) models.Token {
	return models.Token{ID: r.ID, UserID: r.UserID, Username: username, Name: r.Name, Prefix: r.Prefix,
		CreatedAt: r.CreatedAt, LastUsedAt: r.LastUsedAt}
}

// CreateToken makes an API token for a user and returns its secret, which
// is shown this once: only its hash is kept.
func (s *Store) CreateToken(ctx context.Context, actor, username, name string) (string, models.Token, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return "", models.Token{}, models.Invalid("name", "is required, at most 100 characters")
	}
	if msg := models.TextProblem(name); msg != "" {
		return "", models.Token{}, models.Invalid("name", "%s", msg)
	}
	secret := newSecret(TokenPrefix)
	var tok models.Token
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		u, err := userByName(tx, username)
		if err != nil {
			return err
		}
		rec := tokenRecord{TokenHash: hashSecret(secret), UserID: u.ID, Name: name,
			Prefix: secret[:len(TokenPrefix)+6], CreatedAt: s.now()}
		if err := tx.Create(&rec).Error; err != nil {
			return translate(err, "token")
		}
		tok = rec.model(u.Username)
		return s.recordChange(tx, actor, EntityToken, rec.ID, models.ActionCreate, nil, tok)
	})
	return secret, tok, err
}

// Tokens lists API tokens: a user's, or everyone's when username is "".
func (s *Store) Tokens(ctx context.Context, username string) ([]models.Token, error) {
	q := s.reader(ctx).Preload("User").Order("id")
	if username != "" {
		u, err := userByName(s.reader(ctx), username)
		if err != nil {
			return nil, err
		}
		q = q.Where("user_id = ?", u.ID)
	}
	var recs []tokenRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.Token, len(recs))
	for i, r := range recs {
		name := ""
		if r.User != nil {
			name = r.User.Username
		}
		out[i] = r.model(name)
	}
	return out, nil
}

// RevokeToken deletes a token: the next request with it is refused.
func (s *Store) RevokeToken(ctx context.Context, actor string, id int64) error {
	defer s.tokens.invalidate()
	return s.inTx(ctx, func(tx *gorm.DB) error {
		var rec tokenRecord
		if err := tx.Preload("User").First(&rec, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("%w: no token %d", ErrNotFound, id)
			}
			return err
		}
		if err := tx.Delete(&tokenRecord{}, id).Error; err != nil {
			return err
		}
		if err := bumpAuthEpoch(tx); err != nil {
			return err
		}
		name := ""
		if rec.User != nil {
			name = rec.User.Username
		}
		return s.recordChange(tx, actor, EntityToken, id, models.ActionDelete, rec.model(name), nil)
	})
}

// TokenUser returns whose token a secret is, and notes when it was used
// (at most once a minute, so that API reads do not each become a write).
// Every API request comes through here, so it is one query, the token
// joined with its user, read without GORM's reflection.
func (s *Store) TokenUser(ctx context.Context, secret string) (models.User, models.Token, error) {
	if !strings.HasPrefix(secret, TokenPrefix) {
		return models.User{}, models.Token{}, fmt.Errorf("%w: not an API token", ErrNotFound)
	}
	hash := hashSecret(secret)
	now := s.now()
	// The epoch is read before the token, and an entry is used only while
	// it is unchanged: a revocation anywhere since is seen.
	epoch, epochOK := s.authEpoch(ctx)
	entry, cached := s.tokens.get(hash, now)
	if cached && (!epochOK || entry.epoch != epoch) {
		cached = false
	}
	if !cached {
		since := s.tokens.begin()
		var rec tokenRecord
		var u userRecord
		err := s.reader(ctx).Raw(`SELECT t.id, t.user_id, t.name, t.prefix, t.created_at, t.last_used_at,
		u.id, u.username, u.role, u.language, u.version, u.created_at, u.updated_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`, hash).Row().
			Scan(&rec.ID, &rec.UserID, &rec.Name, &rec.Prefix, &rec.CreatedAt, &rec.LastUsedAt,
				&u.ID, &u.Username, &u.Role, &u.Language, &u.Version, &u.CreatedAt, &u.UpdatedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return models.User{}, models.Token{}, fmt.Errorf("%w: no such token", ErrNotFound)
		}
		if err != nil {
			return models.User{}, models.Token{}, err
		}
		entry = tokenCacheEntry{user: u.model(), token: rec.model(u.Username), expires: now.Add(tokenCacheTTL), epoch: epoch}
		if epochOK {
			s.tokens.put(hash, entry, since)
		}
	}
	if last := entry.token.LastUsedAt; last == nil || now.Sub(*last) > seenResolution {
		// Bookkeeping: a database that cannot take the write (read-only,
		// full) must not turn a valid token into a refused one.
		id := entry.token.ID
		if s.noteUse(ctx, "token last used", func(tx *gorm.DB) error {
			return tx.Model(&tokenRecord{}).Where("id = ?", id).Update("last_used_at", now).Error
		}) {
			entry.token.LastUsedAt = &now
			s.tokens.refreshUse(hash, now)
		}
	}
	return entry.user, entry.token, nil
}
