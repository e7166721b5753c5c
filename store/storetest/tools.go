package storetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// The tests read our output with other people's tools (pdftotext,
// Redocly, html-validate): a third party's reading, not ours. make test
// installs them where missing; these helpers find them and decide what a
// missing one means, in one place.

// RequireTool returns bin, the path of a tool a test needs. An empty bin
// means the tool is missing: in CI that fails the test (make test installs
// it; install says how), elsewhere the test is skipped, saying the same.
func RequireTool(t testing.TB, bin, what, install string) string {
	t.Helper()
	if bin != "" {
		return bin
	}
	if InCI() {
		t.Fatalf("%s is not installed: make test-deps installs it (%s)", what, install)
	}
	t.Skipf("%s is not installed; make test-deps installs it (%s)", what, install)
	return ""
}

// Command is the path of the program name on $PATH, or "" without it.
func Command(name string) string {
	bin, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	return bin
}

// RequireNodeTool is RequireTool for an npm tool: the path of the command
// name, from $env when set, else the one make test-deps installs under
// tmp/tools/<name> at the top of the repository (pkg, as name@version, is
// what it installs there).
func RequireNodeTool(t testing.TB, env, name, pkg string) string {
	t.Helper()
	return RequireTool(t, nodeTool(env, name), name, "npm install --prefix tmp/tools/"+name+" "+pkg)
}

// nodeTool is the path of the npm tool name: $env when set, else the one
// under tmp/tools/<name>; "" when neither is there.
func nodeTool(env, name string) string {
	if bin := os.Getenv(env); bin != "" {
		return bin
	}
	_, here, _, _ := runtime.Caller(0) // store/storetest/tools.go
	bin := filepath.Join(filepath.Dir(here), "..", "..", "tmp", "tools", name, "node_modules", ".bin", name)
	if _, err := os.Stat(bin); err != nil {
		return ""
	}
	return bin
}
