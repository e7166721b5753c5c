package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"plantracker/models"
)

// Session is a signed-in browser: who it is, and the token its forms must
// carry (CSRF).
type Session struct {
	User models.User
	CSRF string
}

// SessionPolicy says how long sessions last.
type SessionPolicy struct {
	Idle   time.Duration // signed out after this long without a request
	MaxAge time.Duration // and after this long in any case
}

// seenResolution: a session's last-seen time is written at most this often,
// so that reading pages does not turn every request into a write.
const seenResolution = time.Minute

// CreateSession signs a user in: it returns the secret for the cookie. The
// store keeps only its hash, so sessions survive restarts and are shared by
// every app instance on the database.
func (s *Store) CreateSession(ctx context.Context, userID int64) (string, error) {
	secret := newSecret("")
	now := s.now()
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		return tx.Create(&sessionRecord{TokenHash: hashSecret(secret), UserID: userID,
			CSRF: newSecret(""), CreatedAt: now, LastSeenAt: now}).Error
	})
	return secret, err
}

// Session returns the signed-in user of a session secret, and keeps the
// session alive. An unknown or expired session is ErrNotFound.
func (s *Store) Session(ctx context.Context, secret string, policy SessionPolicy) (Session, error) {
	hash := hashSecret(secret)
	var rec sessionRecord
	if err := s.reader(ctx).Preload("User").Where("token_hash = ?", hash).First(&rec).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return Session{}, fmt.Errorf("%w: no such session", ErrNotFound)
		}
		return Session{}, err
	}
	now := s.now()
	if now.Sub(rec.LastSeenAt) > policy.Idle || now.Sub(rec.CreatedAt) > policy.MaxAge || rec.User == nil {
		_ = s.DeleteSession(ctx, secret)
		return Session{}, fmt.Errorf("%w: the session has expired", ErrNotFound)
	}
	if now.Sub(rec.LastSeenAt) > seenResolution {
		// Bookkeeping, as a token's last use: its failure signs no one out.
		s.noteUse(ctx, "session last seen", func(tx *gorm.DB) error {
			return tx.Model(&sessionRecord{}).Where("token_hash = ?", hash).Update("last_seen_at", now).Error
		})
	}
	return Session{User: rec.User.model(), CSRF: rec.CSRF}, nil
}

// DeleteSession signs a session out.
func (s *Store) DeleteSession(ctx context.Context, secret string) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		return tx.Where("token_hash = ?", hashSecret(secret)).Delete(&sessionRecord{}).Error
	})
}

// DeleteExpiredSessions removes sessions idle or older than the policy
// allows; the server runs it now and then.
func (s *Store) DeleteExpiredSessions(ctx context.Context, policy SessionPolicy) (int64, error) {
	now := s.now()
	var n int64
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("last_seen_at < ? OR created_at < ?", now.Add(-policy.Idle), now.Add(-policy.MaxAge)).Delete(&sessionRecord{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}
