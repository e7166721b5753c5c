package store

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"plantracker/models"
)

// EntityUser is the audit trail's name for users.
const EntityUser = "user"

// ErrBadCredentials: no such user, or the wrong password. The two are not
// told apart, so that sign-in does not reveal who has an account.
var ErrBadCredentials = errors.New("wrong username or password")

func (r userRecord) model() models.User {
	return models.User{ID: r.ID, Username: r.Username, Role: r.Role, Language: r.Language,
		RowStamps: models.RowStamps(r.StampColumns)}
}

// Users lists every user, by name.
func (s *Store) Users(ctx context.Context) ([]models.User, error) {
	return findModels(s.reader(ctx).Order("username"), userRecord.model)
}

// UserByName returns a user by username, in any case.
func (s *Store) UserByName(ctx context.Context, username string) (models.User, error) {
	rec, err := userByName(s.reader(ctx), username)
	return rec.model(), err
}

func userByName(db *gorm.DB, username string) (userRecord, error) {
	var rec userRecord
	if models.TextProblem(username) != "" {
		// No user has such a name, and PostgreSQL would refuse to look.
		return rec, fmt.Errorf("%w: no user %q", ErrNotFound, username)
	}
	err := db.Where("username = ?", models.NormalizeUsername(username)).First(&rec).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return rec, fmt.Errorf("%w: no user %s", ErrNotFound, models.NormalizeUsername(username))
	}
	return rec, err
}

// CountUsers says how many users there are: none means a new installation.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.reader(ctx).Model(&userRecord{}).Count(&n).Error
	return n, err
}

// CreateUser adds a user with a password.
func (s *Store) CreateUser(ctx context.Context, actor string, u models.User, password string) (models.User, error) {
	verr := &models.ValidationError{}
	if err := u.Validate(); err != nil {
		verr.Merge("", err.(*models.ValidationError))
	}
	if err := models.ValidatePassword(password); err != nil {
		verr.Merge("", err.(*models.ValidationError))
	}
	if err := verr.Err(); err != nil {
		return models.User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), s.bcryptCost)
	if err != nil {
		return models.User{}, err
	}
	err = s.inTx(ctx, func(tx *gorm.DB) error {
		if _, err := userByName(tx, u.Username); err == nil {
			return fmt.Errorf("%w: the username %s is taken", ErrDuplicate, u.Username)
		}
		rec := userRecord{Username: u.Username, Role: u.Role, Language: u.Language, PasswordHash: string(hash), StampColumns: StampColumns{Version: 1}}
		if err := tx.Create(&rec).Error; err != nil {
			return translate(err, "user")
		}
		u = rec.model()
		return s.recordChange(tx, actor, EntityUser, u.ID, models.ActionCreate, nil, u)
	})
	return u, err
}

// SetPassword gives a user a new password and signs them out everywhere:
// their sessions end, and so do their API tokens (a password is changed
// when it may have leaked, and a token made with it may have too), each
// revocation recorded as a change. keepTokens leaves the tokens, for an
// admin who knows the scripts using them are safe.
func (s *Store) SetPassword(ctx context.Context, actor, username, password string, keepTokens bool) error {
	// After the change commits, cached tokens are read again.
	defer s.tokens.invalidate()
	if err := models.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), s.bcryptCost)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *gorm.DB) error {
		found, err := userByName(tx, username)
		if err != nil {
			return err
		}
		// Lock the row, then read it: on PostgreSQL a concurrent change of
		// the user would otherwise fail the version guard (see updateRow).
		if err := lockForUpdate(tx, &userRecord{}, found.ID); err != nil {
			return err
		}
		var rec userRecord
		if err := tx.First(&rec, found.ID).Error; err != nil {
			return translate(err, "user")
		}
		if err := bumpVersion(tx, &userRecord{}, "user", rec.ID, rec.Version, map[string]any{
			"password_hash": string(hash), "updated_at": s.now()}); err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", rec.ID).Delete(&sessionRecord{}).Error; err != nil {
			return err
		}
		if err := bumpAuthEpoch(tx); err != nil {
			return err
		}
		if !keepTokens {
			if err := s.revokeTokensOf(tx, actor, rec); err != nil {
				return err
			}
		}
		// The change records that the password changed, never the hash.
		return s.recordChange(tx, actor, EntityUser, rec.ID, "password", rec.model(), rec.model())
	})
}

// revokeTokensOf deletes every API token of a user, recording each.
func (s *Store) revokeTokensOf(tx *gorm.DB, actor string, u userRecord) error {
	var tokens []tokenRecord
	if err := tx.Where("user_id = ?", u.ID).Order("id").Find(&tokens).Error; err != nil {
		return err
	}
	for _, t := range tokens {
		if err := tx.Delete(&tokenRecord{}, t.ID).Error; err != nil {
			return err
		}
		if err := s.recordChange(tx, actor, EntityToken, t.ID, models.ActionDelete, t.model(u.Username), nil); err != nil {
			return err
		}
	}
	return nil
}

// SetRole changes what a user may do, through the update sequence
// (updateRow): restating the role a user has changes nothing.
func (s *Store) SetRole(ctx context.Context, actor, username, role string) (models.User, error) {
	return s.updateUser(ctx, actor, username, func(u *models.User) { u.Role = role })
}

// SetLanguage keeps the UI language a user chose on their account ("":
// no choice): choosing the language already kept changes nothing.
func (s *Store) SetLanguage(ctx context.Context, actor, username, language string) (models.User, error) {
	return s.updateUser(ctx, actor, username, func(u *models.User) { u.Language = language })
}

// updateUser edits the user of a username through the update sequence.
func (s *Store) updateUser(ctx context.Context, actor, username string, edit func(*models.User)) (models.User, error) {
	// After the change commits, cached tokens (and the users they carry)
	// are read again.
	defer s.tokens.invalidate()
	rec, err := userByName(s.reader(ctx), username)
	if err != nil {
		return models.User{}, err
	}
	return updateRow(ctx, s, actor, models.ActionUpdate, rec.ID, 0, userTable, func(u *models.User) error {
		edit(u)
		return nil
	})
}

// userTable is how the update sequence changes a user's role or language.
var userTable = entityTable[models.User]{
	entity: "user", change: EntityUser, record: &userRecord{},
	load: func(db *gorm.DB, id int64) (models.User, error) {
		var rec userRecord
		if err := db.First(&rec, id).Error; err != nil {
			return models.User{}, translate(err, "user")
		}
		return rec.model(), nil
	},
	stamps:   func(u *models.User) *models.RowStamps { return &u.RowStamps },
	validate: (*models.User).Validate,
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.User) error {
		roleChanged := after.Role != before.Role
		if roleChanged {
			if err := keepAnAdmin(tx, userRecord{ID: before.ID, Username: before.Username, Role: before.Role}); err != nil {
				return err
			}
		}
		if err := bumpVersion(tx, &userRecord{}, "user", before.ID, before.Version, map[string]any{
			"role": after.Role, "language": after.Language, "updated_at": after.UpdatedAt}); err != nil {
			return err
		}
		if !roleChanged {
			return nil // a language is no one's permission
		}
		// A role change reaches every instance's token cache at once.
		return bumpAuthEpoch(tx)
	},
}

// DeleteUser removes a user with their sessions and tokens. Their changes
// stay in the audit trail, under their name.
func (s *Store) DeleteUser(ctx context.Context, actor, username string) error {
	// After the change commits, cached tokens are read again.
	defer s.tokens.invalidate()
	return s.inTx(ctx, func(tx *gorm.DB) error {
		rec, err := userByName(tx, username)
		if err != nil {
			return err
		}
		if err := keepAnAdmin(tx, rec); err != nil {
			return err
		}
		if err := tx.Delete(&userRecord{}, rec.ID).Error; err != nil {
			return translate(err, "user")
		}
		if err := bumpAuthEpoch(tx); err != nil {
			return err
		}
		return s.recordChange(tx, actor, EntityUser, rec.ID, models.ActionDelete, rec.model(), nil)
	})
}

// Authenticate checks a username and password.
func (s *Store) Authenticate(ctx context.Context, username, password string) (models.User, error) {
	rec, err := userByName(s.reader(ctx), username)
	if err != nil {
		_ = bcrypt.CompareHashAndPassword(s.dummyHash(), []byte(password))
		if errors.Is(err, ErrNotFound) {
			return models.User{}, ErrBadCredentials
		}
		return models.User{}, err
	}
	if bcrypt.CompareHashAndPassword([]byte(rec.PasswordHash), []byte(password)) != nil {
		return models.User{}, ErrBadCredentials
	}
	return rec.model(), nil
}
