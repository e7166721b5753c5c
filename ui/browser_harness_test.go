package ui_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plantracker/store"

	pgtest "plantracker/store/storetest"
)

// The browser tests drive a real headless Chromium: one browser for the
// package, started on first use, and a new tab per test. Each test has its
// own server (the real engine, on a loopback port) over its own copy of the
// seeded database.
//
// Without Chromium the tests skip, except in CI (CI=true), where a missing
// browser is a failure: .ci/install-test-deps installs it.

var browser struct {
	once    sync.Once
	ctx     context.Context
	cancel  func()
	profile string
	err     error
}

// tabTimeout bounds one test's browser work, far above what it needs, so a
// hung page fails the test instead of the package. The screenshot test
// loads ten pages while the other browser tests run beside it; on two busy
// cores that took more than a minute.
const tabTimeout = 150 * time.Second

func chromiumPath() string {
	if p := os.Getenv("PLANTRACKER_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func startBrowser() {
	path := chromiumPath()
	if path == "" {
		browser.err = errors.New("no Chromium found (looked for /usr/bin/chromium and chromium on PATH)")
		return
	}
	dir, err := os.MkdirTemp("", "plantracker-chromium-profile")
	if err != nil {
		browser.err = err
		return
	}
	browser.profile = dir
	// Chromium runs as root and without network on these machines: no
	// sandbox, no GPU, nothing that phones home.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browser.ctx = ctx
	browser.cancel = func() { cancelCtx(); cancelAlloc() }
	// The first run starts the browser; it must not carry a timeout, which
	// would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		browser.err = err
	}
}

func stopBrowser() {
	if browser.cancel != nil {
		browser.cancel()
	}
	if browser.profile != "" {
		os.RemoveAll(browser.profile)
	}
}

// tab opens a new tab of the shared browser for one test.
func tab(t *testing.T) context.Context {
	t.Helper()
	return tabFor(t, tabTimeout)
}

// tabFor opens a tab whose work may take up to timeout: a test that takes
// many full-page screenshots needs more than tabTimeout when the machine's
// few cores are shared.
func tabFor(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	browser.once.Do(startBrowser)
	if browser.err != nil {
		if pgtest.InCI() {
			t.Fatalf("the browser tests need Chromium: %v", browser.err)
		}
		t.Skipf("no browser, skipping (in CI this fails): %v", browser.err)
	}
	// Each test gets a browser context of its own: its own cookies, so that
	// tests signed in to servers on other ports (cookies ignore ports) do
	// not sign each other out.
	ctx, cancel := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(ctx); err != nil { // open the tab before any timeout applies
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	tctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	return tctx
}

// liveServer serves the real engine on a loopback port over a fresh copy
// of the seeded database, and signs the tab in as ed, an editor, through
// the sign-in page.
func liveServer(t *testing.T, ctx context.Context) (string, *store.Store) {
	t.Helper()
	s := openStore(t)
	srv := httptest.NewServer(testEngine(s))
	t.Cleanup(func() { closeLive(srv) })
	signInBrowser(t, ctx, srv.URL, "ed")
	return srv.URL, s
}

// closeLive closes a server a tab may still be following. A page following
// live edits holds a stream open until its tab closes, which is after the
// test's cleanup: the connections are ended first, or Close would wait for
// them. The listener goes before them: a stream the page reopened in
// between would be a request in flight, which Close waits for (a test hung
// there for its whole timeout).
func closeLive(srv *httptest.Server) {
	srv.Listener.Close()
	srv.CloseClientConnections()
	srv.Close()
}

// signInBrowser signs the tab in through the sign-in page. It fills the
// form and waits in the page's own JavaScript (see shown): every browser
// test signs in first, and one sign-in lost to chromedp's DOM mirror hung
// the test it began.
func signInBrowser(t *testing.T, ctx context.Context, base, username string) {
	t.Helper()
	do(t, ctx,
		chromedp.Navigate(base+"/login"),
		shown("#username"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("username").value = `+jsString(username)+`;
			document.getElementById("password").value = `+jsString(testPassword)+`; undefined`),
		clickInPage("#sign-in"),
		shown("#sign-out"),
	)
}

// The waits after a navigation ask the page itself (Runtime.evaluate)
// whether an element is there, rather than chromedp's WaitVisible, Click
// or SendKeys. Those look the element up in chromedp's copy of the DOM,
// built from the DOM events; Chromium re-sends the document twice per
// navigation (at commit and again at DOMContentLoaded), and when the
// machine is loaded a query can land between the two: the nodes it pulls
// in are dropped with the first copy and never sent again, and the wait
// goes on until the tab's timeout, with the page fully loaded and the
// server idle (chromedp issue 1593, open). TestBrowserUkrainian, which
// navigates a dozen times in a row, hung so in most runs under make test
// and now and then alone; with these waits it does not.

// shown waits until the page shows an element matching the CSS selector:
// the document parsed, the element in it and laid out. An evaluation that
// fails because the page is between documents is tried again.
func shown(selector string) chromedp.Action[chromedp.Void] {
	js := `(() => { const e = document.querySelector(` + jsString(selector) + `);
		return document.readyState !== "loading" && e !== null && e.getClientRects().length > 0; })()`
	return chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		for {
			ok, err := chromedp.Evaluate[bool](js)(ctx, tab)
			if err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s to show: %w (last answer: %v, %v)", selector, ctx.Err(), ok, err)
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

// clickInPage clicks the element matching the CSS selector from the
// page's JavaScript: for a link or a submit button, what a click does.
func clickInPage(selector string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.querySelector(` + jsString(selector) + `).click(); undefined`)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// do runs browser steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// run runs one browser step with a value, failing the test on an error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// screenshotDir is where screenshots go when PLANTRACKER_SCREENSHOTS is set:
// the README shows them.
var screenshotDir = filepath.Join("..", "docs", "screenshots")

// textOf is the text of the element with the id, read again when the page
// replaced the element between finding and reading it: right after a form
// posts and redirects, a node found in the new document can be replaced
// once more before it is read, and chromedp then answers "No node with
// given id found".
func textOf(t *testing.T, ctx context.Context, elementID string) string {
	t.Helper()
	var last error
	for range 20 {
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(elementID)))
		if err == nil {
			return v
		}
		last = err
		if ctx.Err() != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal(last)
	return ""
}
