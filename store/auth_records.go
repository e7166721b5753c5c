package store

import "time"

// The rows behind sign-in. Secrets are never stored: passwords as bcrypt
// hashes, session and API tokens as SHA-256 hashes (they are long random
// strings, so a fast hash is enough and lets a token be looked up by it).

type userRecord struct {
	ID           int64  `gorm:"primaryKey"`
	Username     string `gorm:"not null;uniqueIndex"` // lower-cased
	Role         string `gorm:"not null"`
	PasswordHash string `gorm:"not null"`
	Version      int    `gorm:"not null"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (userRecord) TableName() string { return "users" }

type sessionRecord struct {
	TokenHash  string      `gorm:"primaryKey"`
	UserID     int64       `gorm:"not null;index"`
	User       *userRecord `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
	CSRF       string      `gorm:"not null"`
	CreatedAt  time.Time   `gorm:"not null"`
	LastSeenAt time.Time   `gorm:"not null"`
}

func (sessionRecord) TableName() string { return "sessions" }

type tokenRecord struct {
	ID         int64       `gorm:"primaryKey"`
	TokenHash  string      `gorm:"not null;uniqueIndex"`
	UserID     int64       `gorm:"not null;index"`
	User       *userRecord `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
	Name       string      `gorm:"not null"`
	Prefix     string      `gorm:"not null"`
	CreatedAt  time.Time   `gorm:"not null"`
	LastUsedAt *time.Time
}

func (tokenRecord) TableName() string { return "api_tokens" }
