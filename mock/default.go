package mock

// Default is the built-in world used without --mock, so that a leaderboard
// game shows something on first run: the player "o_player" ("Me", no cloud
// storage yet, so not a player until the game writes some), five friends
// with mixed Chinese/Latin nicknames and a seeded "score", and the group
// "tk_default" holding the player and three of them. Login succeeds with
// "mock-login-code", the session is valid, scope.userInfo and
// scope.WxFriendInteraction are allowed,
// privacy agreed, openContext allowed, clientVersion "40.3.0", shares
// succeed. AppID is "" (project.config.json's is used).
//
// Avatars: every AvatarURL is "" in the default world; there is no mock
// file and so no folder to hold avatar images, and a game drawing an avatar
// must cope with an empty avatarUrl anyway (the real hosts send one for
// users without a picture). Dir is "" and WeRun nil.
//
// Each call returns a new World.
func Default() *World {
	w := emptyWorld()
	w.Me = DefaultMe
	w.AuthSetting["scope.userInfo"] = "allow"
	w.AuthSetting["scope.WxFriendInteraction"] = "allow"
	w.Users[DefaultMe] = User{OpenID: DefaultMe, NickName: "Me", Language: "zh_CN"}
	friends := []struct {
		id, nick, lang string
		gender         int
		score          string
	}{
		{"o_xiaoyu", "小鱼儿", "zh_CN", 2, "2450"},
		{"o_lucas", "Lucas", "en", 1, "1875"},
		{"o_ajie", "阿杰Jay", "zh_CN", 1, "1320"},
		{"o_mia", "Mia 米娅", "zh_TW", 2, "960"},
		{"o_laowang", "老王 Wang", "zh_CN", 0, "540"},
	}
	for _, f := range friends {
		w.Users[f.id] = User{OpenID: f.id, NickName: f.nick, Language: f.lang, Gender: f.gender}
		w.CloudSeed[f.id] = map[string]string{"score": f.score}
		w.addFriends(DefaultMe, f.id)
	}
	w.Groups["tk_default"] = Group{
		Ticket:  "tk_default",
		Name:    "周末开黑 Game Night",
		Members: []string{DefaultMe, "o_xiaoyu", "o_lucas", "o_ajie"},
	}
	return w
}

// emptyWorld is a world without users, groups or decisions whose answers
// are the defaults: what Default fills in and a mock file overrides.
func emptyWorld() *World {
	return &World{
		Users:         map[string]User{},
		Groups:        map[string]Group{},
		CloudSeed:     map[string]map[string]string{},
		Login:         LoginAnswer{Code: DefaultLoginCode},
		Session:       DefaultSession,
		AuthSetting:   map[string]string{},
		Privacy:       DefaultPrivacy,
		OpenContext:   DefaultOpenContext,
		ClientVersion: DefaultClientVersion,
		Share:         DefaultShare,
		friends:       map[string]map[string]bool{},
	}
}
