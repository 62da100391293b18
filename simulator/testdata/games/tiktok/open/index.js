console.log("never runs in this release")
