console.log("open domain of a TikTok game");
