package simulator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/gamefs"
	"github.com/minisim/minisim/jsapi"
)

// CreateWorker starts a worker: a domain confined to game.json's "workers"
// folder, without platform APIs, stepped by the frame loop with the other
// domains (so headless runs stay deterministic). It is not a separate OS
// thread: a worker that computes for long delays frames, where a phone
// would run it beside the game.
func (s *Simulator) CreateWorker(scriptPath string, deliver func(msg any)) (jsapi.WorkerHandle, error) {
	dir := s.project.Workers
	if dir == "" {
		return nil, fmt.Errorf("game.json declares no workers folder: add \"workers\": \"workers\" and put the worker's scripts there")
	}
	script, err := gamefs.Clean(scriptPath)
	if err != nil || !strings.HasPrefix(script, dir+"/") {
		return nil, fmt.Errorf("%q is outside the workers folder %s/", scriptPath, dir)
	}
	if st, err := os.Stat(filepath.Join(s.project.Root, filepath.FromSlash(script))); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: no such file", script)
	}
	seed := int64(0)
	if s.clock.virtual {
		seed = 3
	}
	d, err := domains.New(domains.Options{
		Name: "worker", Root: s.project.Root, Scope: dir,
		Stdout: s.cfg.Stdout, Stderr: s.cfg.Stderr, LinePrefix: "[worker] ",
		Clock: s.clock, Seed: seed, ScriptTimeout: s.cfg.ScriptTimeout, Programs: s.programs,
	})
	if err != nil {
		return nil, err
	}
	toWorker := jsapi.InstallWorkerGlobal(d, deliver)
	s.worker = d
	d.RunMain(script) // its errors are the worker's uncaught errors
	return workerHandle{s, d, toWorker}, nil
}

type workerHandle struct {
	s    *Simulator
	d    *domains.Domain
	post func(msg any)
}

func (w workerHandle) Post(msg any) { w.post(msg) }

func (w workerHandle) Terminate() {
	if w.s.worker == w.d {
		w.s.retired += w.d.UncaughtErrors()
		w.s.worker = nil
	}
	w.d.Close()
}

// eachLoop runs f for every running domain: main, open, and the worker.
func (s *Simulator) eachLoop(f func(d *domains.Domain)) {
	s.eachDomain(func(d *domains.Domain, _ *jsapi.API) { f(d) })
	if s.worker != nil {
		f(s.worker)
	}
}
