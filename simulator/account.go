package simulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync/atomic"
	"time"

	"github.com/minisim/minisim/cloudfn"
	"github.com/minisim/minisim/jsapi"
	"github.com/minisim/minisim/store"
)

// Account answers login, session, authorization, privacy and sharing from
// the mock world; the player's decisions and shares live in the store.
func (s *Simulator) Account() jsapi.Account { return account{s} }

type account struct{ s *Simulator }

// decision is a remembered choice and the mock file's answer when it was
// made: a new answer in the mock file overrides it ("until the mock file
// changes it", mock.md).
type decision struct {
	Value string `json:"value"`
	Mock  string `json:"mock"`
}

// privacyKey is the privacy agreement among the "auth" decisions; scopes
// all start with "scope.", so it cannot collide.
const privacyKey = "privacy"

func (a account) AppID() string { return a.s.appID() }

func (a account) Login() (string, error) {
	if l := a.s.world.Login; l.Fail != "" {
		return "", errors.New(l.Fail)
	}
	return a.s.world.Login.Code, nil
}

func (a account) SessionValid() bool    { return a.s.world.Session != "expired" }
func (a account) ClientVersion() string { return a.s.world.ClientVersion }
func (a account) ShareOutcome() string  { return a.s.world.Share }

func (a account) scope(namespace string) (*store.Store, store.Scope, error) {
	st, err := a.s.openStore()
	return st, store.Scope{App: a.s.appID(), User: a.s.world.Me, Namespace: namespace}, err
}

// mockAnswer is the mock file's answer for a scope (or the open context).
func (a account) mockAnswer(scope string) string {
	if scope == jsapi.OpenContextScope {
		return a.s.world.OpenContext
	}
	return a.s.world.Auth(scope)
}

// remembered is the stored decision for key, when the mock file has not
// changed its answer since.
func (a account) remembered(key, mockAnswer string) (string, bool, error) {
	st, sc, err := a.scope(store.NamespaceAuth)
	if err != nil {
		return "", false, err
	}
	raw, ok, err := st.Get(sc, key)
	if err != nil || !ok {
		return "", false, err
	}
	return current(key, raw, mockAnswer)
}

// current decodes a stored decision; ok is false when the mock file's
// answer changed since it was made.
func current(key string, raw []byte, mockAnswer string) (value string, ok bool, err error) {
	var d decision
	if err := json.Unmarshal(raw, &d); err != nil {
		return "", false, fmt.Errorf("auth decision %q: %v", key, err)
	}
	return d.Value, d.Mock == mockAnswer, nil
}

func (a account) remember(key, value, mockAnswer string) error {
	st, sc, err := a.scope(store.NamespaceAuth)
	if err != nil {
		return err
	}
	raw, _ := json.Marshal(decision{Value: value, Mock: mockAnswer})
	return st.Put(sc, key, raw)
}

func (a account) Scope(scope string) (string, error) {
	answer := a.mockAnswer(scope)
	v, current, err := a.remembered(scope, answer)
	if err != nil || !current {
		return answer, err
	}
	return v, nil
}

func (a account) Decide(scope string, allow bool) error {
	return a.remember(scope, map[bool]string{true: "allow", false: "deny"}[allow], a.mockAnswer(scope))
}

// Decided is the scopes the mock file decides plus those the player did,
// read in one store transaction.
func (a account) Decided() (map[string]bool, error) {
	st, sc, err := a.scope(store.NamespaceAuth)
	if err != nil {
		return nil, err
	}
	stored, err := st.Items(sc)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for scope := range a.s.world.AuthSetting {
		names[scope] = true
	}
	for k := range stored {
		if k != privacyKey && k != jsapi.OpenContextScope {
			names[k] = true
		}
	}
	out := map[string]bool{}
	for scope := range names {
		v := a.mockAnswer(scope)
		if raw, ok := stored[scope]; ok {
			remembered, isCurrent, err := current(scope, raw, v)
			if err != nil {
				return nil, err
			}
			if isCurrent {
				v = remembered
			}
		}
		if v != "ask" {
			out[scope] = v == "allow"
		}
	}
	return out, nil
}

func (a account) Privacy() (string, error) {
	answer := a.s.world.Privacy
	if answer == "agreed" {
		return answer, nil
	}
	v, current, err := a.remembered(privacyKey, answer)
	if err != nil || !current {
		return answer, err
	}
	return v, nil
}

func (a account) AgreePrivacy() error { return a.remember(privacyKey, "agreed", a.s.world.Privacy) }

// shareSeq orders shares made within one clock tick.
var shareSeq atomic.Uint64

// RecordShare appends a share to the player's "share" records, keyed by
// time so that they list in order.
func (a account) RecordShare(rec jsapi.ShareRecord) error {
	st, sc, err := a.scope(store.NamespaceShare)
	if err != nil {
		return err
	}
	raw, _ := json.Marshal(rec)
	key := fmt.Sprintf("%s-%06d", time.Now().UTC().Format("20060102T150405.000000000"), shareSeq.Add(1)%1e6)
	return st.Put(sc, key, raw)
}

// Shares lists the recorded shares, oldest first (for tests and tools).
func (s *Simulator) Shares() ([]jsapi.ShareRecord, error) {
	st, sc, err := account{s}.scope(store.NamespaceShare)
	if err != nil {
		return nil, err
	}
	items, err := st.Items(sc)
	if err != nil {
		return nil, err
	}
	out := make([]jsapi.ShareRecord, 0, len(items))
	for _, k := range slices.Sorted(maps.Keys(items)) {
		var rec jsapi.ShareRecord
		if err := json.Unmarshal(items[k], &rec); err != nil {
			return nil, fmt.Errorf("share record %s: %v", k, err)
		}
		out = append(out, rec)
	}
	return out, nil
}

func (a account) WeRun() json.RawMessage { return a.s.world.WeRun }

// CloudFunctions runs the project's cloud functions (cloudfunctionRoot),
// as the current player. The runner is made again on reload, so a saved
// function applies like a saved script.
func (s *Simulator) CloudFunctions() jsapi.CloudFunctions {
	if s.project.CloudFunctionRoot == "" {
		return nil
	}
	if s.cloudFns == nil {
		s.cloudFns = cloudfn.New(s.project.CloudFunctionRoot, cloudfn.Options{Stdout: s.cfg.Stdout, Stderr: s.cfg.Stderr})
	}
	return cloudFunctions{s.cloudFns, s.world.Me, s.appID()}
}

type cloudFunctions struct {
	r           *cloudfn.Runner
	openID, app string
}

func (c cloudFunctions) Call(name string, event map[string]any, env, requestID string) (any, error) {
	res, err := c.r.Call(name, event, cloudfn.Context{OpenID: c.openID, AppID: c.app, Env: env, RequestID: requestID})
	var fe *cloudfn.Error
	if errors.As(err, &fe) {
		return nil, functionError{fe}
	}
	return res, err
}

// functionError marks a function that ran and failed.
type functionError struct{ err *cloudfn.Error }

func (f functionError) Error() string      { return f.err.Error() }
func (f functionError) Unwrap() error      { return f.err }
func (functionError) FunctionFailed() bool { return true }
