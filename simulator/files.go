package simulator

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// UserDataDir is this app's and player's folder for the file system
// (USER_DATA_PATH and saved files): files/<app>/<player> under --data,
// created on first use.
func (s *Simulator) UserDataDir() (string, error) {
	data, err := s.cfg.dataDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(data, "files", folderName(s.appID()), folderName(s.world.Me))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating the user data folder: %w", err)
	}
	return dir, nil
}

// folderName turns an app id or openid into one safe folder name: kept
// as is when it is plain, otherwise made plain and told apart from other
// ids by a hash of the original.
func folderName(id string) string {
	safe := unsafeAppID.ReplaceAllString(id, "_")
	if safe == id && strings.Trim(id, ".") != "" {
		return id
	}
	sum := sha1.Sum([]byte(id))
	return strings.Trim(safe, ".") + "-" + hex.EncodeToString(sum[:4])
}
