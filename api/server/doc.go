// Package server is Plantracker's composition root: it wires the store, the
// API and the UI into one server (NewEngine), and holds the binary's
// commands (serve, seed, user, token, backup, restore, export, import, gen,
// licenses), one file each, in a table like the route tables (Run). main
// only hands it the arguments.
//
// It is the one package that imports both api and ui: everywhere else the
// two surfaces never import each other, and share only the HTTP plumbing
// of api/web, whose NewEngine builds the engine they are mounted on. It
// sits below api because the top level of the repository is fixed; nothing
// in api imports it.
package server
