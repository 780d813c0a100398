// The list file of @zxcvbn-ts/language-common on its own (the package's index also carries diceware words and keyboard
// graphs we do not use); the package declares types for its index only.
declare module "@zxcvbn-ts/language-common/dist/passwords.json.mjs" {
  const passwords: string[];
  export default passwords;
}
