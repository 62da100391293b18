exports.main = () => 'from src/app.js'
