// Package reliability holds the end-to-end tests of the server under
// stress, over real HTTP on loopback: many clients editing the same rows at
// once (on SQLite, on PostgreSQL, and with two server instances sharing one
// PostgreSQL database), and the server killed mid-write (SIGKILL) and
// restarted on its SQLite file. It has no code of its own: only tests.
package reliability
