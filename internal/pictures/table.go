package pictures

// all is the set, grouped by topic. The comment after each entry is OpenMoji's
// (Unicode's) own name for the drawing, so it can be found again in the
// OpenMoji catalogue.
var all = []Picture{
	// Our group
	{Key: "story", Alt: "An open book", File: "1F4D6.svg", Topic: "Our group"},                 // open book
	{Key: "meeting", Alt: "A group of people meeting", File: "E081.svg", Topic: "Our group"},   // assembly group
	{Key: "vote", Alt: "A voting box", File: "1F5F3.svg", Topic: "Our group"},                  // ballot box with ballot
	{Key: "agree", Alt: "Thumbs up", File: "1F44D.svg", Topic: "Our group"},                    // thumbs up
	{Key: "not-sure", Alt: "A face thinking", File: "1F914.svg", Topic: "Our group"},           // thinking face
	{Key: "disagree", Alt: "Thumbs down", File: "1F44E.svg", Topic: "Our group"},               // thumbs down
	{Key: "listen", Alt: "An ear", File: "1F442.svg", Topic: "Our group"},                      // ear
	{Key: "speak", Alt: "A person speaking", File: "1F5E3.svg", Topic: "Our group"},            // speaking head
	{Key: "talk", Alt: "A speech bubble", File: "1F4AC.svg", Topic: "Our group"},               // speech balloon
	{Key: "think", Alt: "A thought bubble", File: "1F4AD.svg", Topic: "Our group"},             // thought balloon
	{Key: "question", Alt: "A question mark", File: "2753.svg", Topic: "Our group"},            // red question mark
	{Key: "idea", Alt: "A light bulb", File: "1F4A1.svg", Topic: "Our group"},                  // light bulb
	{Key: "person", Alt: "A person", File: "1F9D1.svg", Topic: "Our group"},                    // person
	{Key: "me", Alt: "One person", File: "1F464.svg", Topic: "Our group"},                      // bust in silhouette
	{Key: "group", Alt: "Two people", File: "1F465.svg", Topic: "Our group"},                   // busts in silhouette
	{Key: "promise", Alt: "Two people shaking hands", File: "1F91D.svg", Topic: "Our group"},   // handshake
	{Key: "rules", Alt: "A list of rules", File: "1F4DC.svg", Topic: "Our group"},              // scroll
	{Key: "fair", Alt: "Weighing scales", File: "2696.svg", Topic: "Our group"},                // balance scale
	{Key: "plan", Alt: "A clipboard", File: "1F4CB.svg", Topic: "Our group"},                   // clipboard
	{Key: "list", Alt: "A notepad", File: "1F5D2.svg", Topic: "Our group"},                     // spiral notepad
	{Key: "chart", Alt: "A bar chart", File: "1F4CA.svg", Topic: "Our group"},                  // bar chart
	{Key: "better", Alt: "A chart going up", File: "1F4C8.svg", Topic: "Our group"},            // chart increasing
	{Key: "worse", Alt: "A chart going down", File: "1F4C9.svg", Topic: "Our group"},           // chart decreasing
	{Key: "target", Alt: "A target", File: "1F3AF.svg", Topic: "Our group"},                    // bullseye
	{Key: "measure", Alt: "A ruler", File: "1F4CF.svg", Topic: "Our group"},                    // straight ruler
	{Key: "check", Alt: "A magnifying glass", File: "1F50E.svg", Topic: "Our group"},           // magnifying glass tilted right
	{Key: "search", Alt: "A magnifying glass looking", File: "1F50D.svg", Topic: "Our group"},  // magnifying glass tilted left
	{Key: "evidence", Alt: "A folder of papers", File: "1F4C1.svg", Topic: "Our group"},        // file folder
	{Key: "change", Alt: "Arrows going round", File: "1F504.svg", Topic: "Our group"},          // counterclockwise arrows button
	{Key: "share", Alt: "A pie to share", File: "1F967.svg", Topic: "Our group"},               // pie
	{Key: "everyone", Alt: "The world", File: "1F30D.svg", Topic: "Our group"},                 // globe showing Europe-Africa
	{Key: "news", Alt: "A megaphone", File: "1F4E3.svg", Topic: "Our group"},                   // megaphone
	{Key: "hands-up", Alt: "Two hands raised", File: "1F64C.svg", Topic: "Our group"},          // raising hands
	{Key: "me-too", Alt: "A person with their hand up", File: "1F64B.svg", Topic: "Our group"}, // person raising hand
	{Key: "complaint", Alt: "An angry speech bubble", File: "1F5EF.svg", Topic: "Our group"},   // right anger bubble
	{Key: "grows", Alt: "A young plant growing", File: "1F331.svg", Topic: "Our group"},        // seedling
	{Key: "helps", Alt: "A sunflower", File: "1F33B.svg", Topic: "Our group"},                  // sunflower
	{Key: "harms", Alt: "A flower dying", File: "1F940.svg", Topic: "Our group"},               // wilted flower
	{Key: "vision", Alt: "A rainbow", File: "1F308.svg", Topic: "Our group"},                   // rainbow
	{Key: "dot", Alt: "A blue dot", File: "1F535.svg", Topic: "Our group"},                     // blue circle
	{Key: "add", Alt: "A plus sign", File: "2795.svg", Topic: "Our group"},                     // plus
	{Key: "take-away", Alt: "A minus sign", File: "2796.svg", Topic: "Our group"},              // minus
	{Key: "theme", Alt: "Pages with bookmarks", File: "1F4D1.svg", Topic: "Our group"},         // bookmark tabs
	{Key: "priority", Alt: "A pin", File: "1F4CC.svg", Topic: "Our group"},                     // pushpin
	{Key: "bid", Alt: "A letter being sent", File: "1F4E8.svg", Topic: "Our group"},            // incoming envelope
	{Key: "score", Alt: "The number 100", File: "1F4AF.svg", Topic: "Our group"},               // hundred points
	{Key: "choose", Alt: "A finger pointing", File: "1F449.svg", Topic: "Our group"},           // backhand index pointing right

	// Feelings
	{Key: "safe", Alt: "A shield", File: "1F6E1.svg", Topic: "Feelings"},               // shield
	{Key: "not-safe", Alt: "A warning sign", File: "26A0.svg", Topic: "Feelings"},      // warning
	{Key: "happy", Alt: "A happy face", File: "1F600.svg", Topic: "Feelings"},          // grinning face
	{Key: "smile", Alt: "A smiling face", File: "1F642.svg", Topic: "Feelings"},        // slightly smiling face
	{Key: "sad", Alt: "A sad face crying", File: "1F622.svg", Topic: "Feelings"},       // crying face
	{Key: "angry", Alt: "An angry face", File: "1F620.svg", Topic: "Feelings"},         // angry face
	{Key: "worried", Alt: "A worried face", File: "1F61F.svg", Topic: "Feelings"},      // worried face
	{Key: "scared", Alt: "A scared face", File: "1F628.svg", Topic: "Feelings"},        // fearful face
	{Key: "tired", Alt: "A tired face", File: "1F62B.svg", Topic: "Feelings"},          // tired face
	{Key: "calm", Alt: "A calm face", File: "1F60C.svg", Topic: "Feelings"},            // relieved face
	{Key: "lonely", Alt: "A lonely face", File: "1F614.svg", Topic: "Feelings"},        // pensive face
	{Key: "love", Alt: "A red heart", File: "2764.svg", Topic: "Feelings"},             // red heart
	{Key: "broken-heart", Alt: "A broken heart", File: "1F494.svg", Topic: "Feelings"}, // broken heart
	{Key: "sleep", Alt: "A sleeping face", File: "1F634.svg", Topic: "Feelings"},       // sleeping face

	// Health and care
	{Key: "doctor", Alt: "A doctor", File: "1F9D1-200D-2695-FE0F.svg", Topic: "Health and care"},                       // health worker
	{Key: "hospital", Alt: "A hospital", File: "1F3E5.svg", Topic: "Health and care"},                                  // hospital
	{Key: "help", Alt: "A person helping another person", File: "E083.svg", Topic: "Health and care"},                  // help others
	{Key: "medicine", Alt: "A pill", File: "1F48A.svg", Topic: "Health and care"},                                      // pill
	{Key: "injection", Alt: "A needle for an injection", File: "1F489.svg", Topic: "Health and care"},                  // syringe
	{Key: "nurse", Alt: "A nurse", File: "1F469-200D-2695-FE0F.svg", Topic: "Health and care"},                         // woman health worker
	{Key: "dentist", Alt: "A tooth", File: "1F9B7.svg", Topic: "Health and care"},                                      // tooth
	{Key: "ambulance", Alt: "An ambulance", File: "1F691.svg", Topic: "Health and care"},                               // ambulance
	{Key: "first-aid", Alt: "A first aid box", File: "E140.svg", Topic: "Health and care"},                             // first aid kit
	{Key: "pain", Alt: "A person with a headache", File: "E31D.svg", Topic: "Health and care"},                         // headache
	{Key: "ill", Alt: "A face with a thermometer", File: "1F912.svg", Topic: "Health and care"},                        // face with thermometer
	{Key: "hurt", Alt: "A face with a bandage", File: "1F915.svg", Topic: "Health and care"},                           // face with head-bandage
	{Key: "health", Alt: "A heart", File: "1FAC0.svg", Topic: "Health and care"},                                       // anatomical heart
	{Key: "mind", Alt: "A brain", File: "1F9E0.svg", Topic: "Health and care"},                                         // brain
	{Key: "carer", Alt: "Two people holding hands", File: "1F9D1-200D-1F91D-200D-1F9D1.svg", Topic: "Health and care"}, // people holding hands
	{Key: "support", Alt: "Open hands", File: "1F450.svg", Topic: "Health and care"},                                   // open hands

	// Access
	{Key: "wheelchair", Alt: "A person in a wheelchair", File: "1F9D1-200D-1F9BD.svg", Topic: "Access"},        // person in manual wheelchair
	{Key: "wheelchair-sign", Alt: "The wheelchair sign", File: "267F.svg", Topic: "Access"},                    // wheelchair symbol
	{Key: "power-chair", Alt: "A person in a power wheelchair", File: "1F9D1-200D-1F9BC.svg", Topic: "Access"}, // person in motorized wheelchair
	{Key: "crutches", Alt: "Crutches", File: "E326.svg", Topic: "Access"},                                      // crutches
	{Key: "blind", Alt: "A person with a white stick", File: "1F9D1-200D-1F9AF.svg", Topic: "Access"},          // person with white cane
	{Key: "guide-dog", Alt: "A guide dog", File: "1F9AE.svg", Topic: "Access"},                                 // guide dog
	{Key: "deaf", Alt: "A deaf person signing", File: "1F9CF.svg", Topic: "Access"},                            // deaf person
	{Key: "hearing-aid", Alt: "An ear with a hearing aid", File: "1F9BB.svg", Topic: "Access"},                 // ear with hearing aid
	{Key: "see", Alt: "An eye", File: "1F441.svg", Topic: "Access"},                                            // eye
	{Key: "glasses", Alt: "Glasses", File: "1F453.svg", Topic: "Access"},                                       // glasses
	{Key: "toilet", Alt: "A toilet", File: "1F6BD.svg", Topic: "Access"},                                       // toilet
	{Key: "lift", Alt: "A lift", File: "1F6D7.svg", Topic: "Access"},                                           // elevator
	{Key: "stairs", Alt: "Stairs", File: "E202.svg", Topic: "Access"},                                          // stairway
	{Key: "door", Alt: "A door", File: "1F6AA.svg", Topic: "Access"},                                           // door
	{Key: "loud", Alt: "A loud speaker", File: "1F50A.svg", Topic: "Access"},                                   // speaker high volume
	{Key: "quiet", Alt: "A speaker turned off", File: "1F507.svg", Topic: "Access"},                            // muted speaker

	// Words and papers
	{Key: "letter", Alt: "A letter", File: "2709.svg", Topic: "Words and papers"},                         // envelope
	{Key: "write", Alt: "A hand writing", File: "270D.svg", Topic: "Words and papers"},                    // writing hand
	{Key: "form", Alt: "A form with writing", File: "1F4DD.svg", Topic: "Words and papers"},               // memo
	{Key: "read", Alt: "A page of writing", File: "1F4C4.svg", Topic: "Words and papers"},                 // page facing up
	{Key: "document", Alt: "A document", File: "1F4C3.svg", Topic: "Words and papers"},                    // page with curl
	{Key: "picture", Alt: "A picture in a frame", File: "1F5BC.svg", Topic: "Words and papers"},           // framed picture
	{Key: "email", Alt: "An email", File: "1F4E7.svg", Topic: "Words and papers"},                         // e-mail
	{Key: "website", Alt: "A globe for the internet", File: "1F310.svg", Topic: "Words and papers"},       // globe with meridians
	{Key: "private", Alt: "A lock", File: "1F512.svg", Topic: "Words and papers"},                         // locked
	{Key: "open", Alt: "An open lock", File: "1F513.svg", Topic: "Words and papers"},                      // unlocked
	{Key: "password", Alt: "A key", File: "1F511.svg", Topic: "Words and papers"},                         // key
	{Key: "secret", Alt: "A face saying shh", File: "1F92B.svg", Topic: "Words and papers"},               // shushing face
	{Key: "name", Alt: "A name badge", File: "1F4DB.svg", Topic: "Words and papers"},                      // name badge
	{Key: "id-card", Alt: "An ID card", File: "1FAAA.svg", Topic: "Words and papers"},                     // identification card
	{Key: "post", Alt: "A post box", File: "1F4EE.svg", Topic: "Words and papers"},                        // postbox
	{Key: "settings", Alt: "A cog", File: "2699.svg", Topic: "Words and papers"},                          // gear
	{Key: "download", Alt: "A tray with a paper coming in", File: "1F4E5.svg", Topic: "Words and papers"}, // inbox tray
	{Key: "upload", Alt: "A tray with a paper going out", File: "1F4E4.svg", Topic: "Words and papers"},   // outbox tray
	{Key: "print", Alt: "A printer", File: "1F5A8.svg", Topic: "Words and papers"},                        // printer
	{Key: "sign", Alt: "A pen for signing", File: "1F58B.svg", Topic: "Words and papers"},                 // fountain pen

	// Signs
	{Key: "yes", Alt: "A tick", File: "2705.svg", Topic: "Signs"},                         // check mark button
	{Key: "no", Alt: "A cross", File: "274C.svg", Topic: "Signs"},                         // cross mark
	{Key: "done", Alt: "A tick mark", File: "2714.svg", Topic: "Signs"},                   // check mark
	{Key: "stop", Alt: "A stop sign", File: "1F6D1.svg", Topic: "Signs"},                  // stop sign
	{Key: "not-allowed", Alt: "A no entry sign", File: "26D4.svg", Topic: "Signs"},        // no entry
	{Key: "important", Alt: "An exclamation mark", File: "2757.svg", Topic: "Signs"},      // red exclamation mark
	{Key: "wait", Alt: "An egg timer", File: "23F3.svg", Topic: "Signs"},                  // hourglass not done
	{Key: "late", Alt: "An egg timer that has run out", File: "231B.svg", Topic: "Signs"}, // hourglass done
	{Key: "thanks", Alt: "Hands saying thank you", File: "1F64F.svg", Topic: "Signs"},     // folded hands
	{Key: "reminder", Alt: "A bell", File: "1F514.svg", Topic: "Signs"},                   // bell
	{Key: "next", Alt: "An arrow pointing right", File: "27A1.svg", Topic: "Signs"},       // right arrow
	{Key: "back", Alt: "An arrow pointing left", File: "2B05.svg", Topic: "Signs"},        // left arrow
	{Key: "new", Alt: "Sparkles", File: "2728.svg", Topic: "Signs"},                       // sparkles
	{Key: "celebrate", Alt: "A party popper", File: "1F389.svg", Topic: "Signs"},          // party popper
	{Key: "star", Alt: "A star", File: "2B50.svg", Topic: "Signs"},                        // star
	{Key: "prize", Alt: "A trophy", File: "1F3C6.svg", Topic: "Signs"},                    // trophy
	{Key: "first", Alt: "A first place medal", File: "1F947.svg", Topic: "Signs"},         // 1st place medal
	{Key: "hello", Alt: "A hand waving", File: "1F44B.svg", Topic: "Signs"},               // waving hand
	{Key: "finish", Alt: "A finish flag", File: "1F3C1.svg", Topic: "Signs"},              // chequered flag

	// Time
	{Key: "time", Alt: "A clock", File: "23F0.svg", Topic: "Time"},                 // alarm clock
	{Key: "date", Alt: "A calendar", File: "1F5D3.svg", Topic: "Time"},             // spiral calendar
	{Key: "appointment", Alt: "A calendar page", File: "1F4C6.svg", Topic: "Time"}, // tear-off calendar
	{Key: "day", Alt: "The sun", File: "2600.svg", Topic: "Time"},                  // sun
	{Key: "night", Alt: "The moon", File: "1F319.svg", Topic: "Time"},              // crescent moon
	{Key: "holiday", Alt: "A beach", File: "1F3D6.svg", Topic: "Time"},             // beach with umbrella
	{Key: "rest", Alt: "A bed", File: "1F6CF.svg", Topic: "Time"},                  // bed
	{Key: "weather", Alt: "Sun and clouds", File: "26C5.svg", Topic: "Time"},       // sun behind cloud

	// Everyday life
	{Key: "phone", Alt: "A mobile phone", File: "1F4F1.svg", Topic: "Everyday life"},                      // mobile phone
	{Key: "home", Alt: "A house", File: "1F3E0.svg", Topic: "Everyday life"},                              // house
	{Key: "school", Alt: "A school", File: "1F3EB.svg", Topic: "Everyday life"},                           // school
	{Key: "work", Alt: "A work bag", File: "1F4BC.svg", Topic: "Everyday life"},                           // briefcase
	{Key: "friend", Alt: "Two people hugging", File: "1FAC2.svg", Topic: "Everyday life"},                 // people hugging
	{Key: "food", Alt: "A plate with a knife and fork", File: "1F37D.svg", Topic: "Everyday life"},        // fork and knife with plate
	{Key: "computer", Alt: "A laptop computer", File: "1F4BB.svg", Topic: "Everyday life"},                // laptop
	{Key: "tablet", Alt: "A tablet computer", File: "E1CC.svg", Topic: "Everyday life"},                   // tablet
	{Key: "video-call", Alt: "A video camera", File: "1F4F9.svg", Topic: "Everyday life"},                 // video camera
	{Key: "camera", Alt: "A camera", File: "1F4F7.svg", Topic: "Everyday life"},                           // camera
	{Key: "family", Alt: "A family", File: "1F46A.svg", Topic: "Everyday life"},                           // family
	{Key: "child", Alt: "A child", File: "1F9D2.svg", Topic: "Everyday life"},                             // child
	{Key: "baby", Alt: "A baby", File: "1F476.svg", Topic: "Everyday life"},                               // baby
	{Key: "older-person", Alt: "An older person", File: "1F9D3.svg", Topic: "Everyday life"},              // older person
	{Key: "gift", Alt: "A present", File: "1F381.svg", Topic: "Everyday life"},                            // wrapped gift
	{Key: "outside", Alt: "A tree", File: "1F333.svg", Topic: "Everyday life"},                            // deciduous tree
	{Key: "drink", Alt: "A hot drink", File: "2615.svg", Topic: "Everyday life"},                          // hot beverage
	{Key: "water", Alt: "A drop of water", File: "1F4A7.svg", Topic: "Everyday life"},                     // droplet
	{Key: "shop", Alt: "A shopping trolley", File: "1F6D2.svg", Topic: "Everyday life"},                   // shopping cart
	{Key: "clothes", Alt: "A t-shirt", File: "1F455.svg", Topic: "Everyday life"},                         // t-shirt
	{Key: "cleaning", Alt: "A broom", File: "1F9F9.svg", Topic: "Everyday life"},                          // broom
	{Key: "cook", Alt: "A frying pan", File: "1F373.svg", Topic: "Everyday life"},                         // cooking
	{Key: "exercise", Alt: "A person running", File: "1F3C3.svg", Topic: "Everyday life"},                 // person running
	{Key: "music", Alt: "A music note", File: "1F3B5.svg", Topic: "Everyday life"},                        // musical note
	{Key: "television", Alt: "A television", File: "1F4FA.svg", Topic: "Everyday life"},                   // television
	{Key: "games", Alt: "A games controller", File: "1F3AE.svg", Topic: "Everyday life"},                  // video game
	{Key: "art", Alt: "A paint palette", File: "1F3A8.svg", Topic: "Everyday life"},                       // artist palette
	{Key: "fits", Alt: "A jigsaw piece", File: "1F9E9.svg", Topic: "Everyday life"},                       // puzzle piece
	{Key: "learn", Alt: "A graduation hat", File: "1F393.svg", Topic: "Everyday life"},                    // graduation cap
	{Key: "teacher", Alt: "A teacher", File: "1F9D1-200D-1F3EB.svg", Topic: "Everyday life"},              // teacher
	{Key: "office-worker", Alt: "A person at work", File: "1F9D1-200D-1F4BC.svg", Topic: "Everyday life"}, // office worker
	{Key: "police", Alt: "A police officer", File: "1F46E.svg", Topic: "Everyday life"},                   // police officer
	{Key: "law", Alt: "A judge", File: "1F9D1-200D-2696-FE0F.svg", Topic: "Everyday life"},                // judge

	// Places and travel
	{Key: "travel", Alt: "A bus", File: "1F68C.svg", Topic: "Places and travel"},                    // bus
	{Key: "place", Alt: "A pin on a map", File: "1F4CD.svg", Topic: "Places and travel"},            // round pushpin
	{Key: "map", Alt: "A map", File: "1F5FA.svg", Topic: "Places and travel"},                       // world map
	{Key: "car", Alt: "A car", File: "1F697.svg", Topic: "Places and travel"},                       // automobile
	{Key: "train", Alt: "A train", File: "1F686.svg", Topic: "Places and travel"},                   // train
	{Key: "taxi", Alt: "A taxi", File: "1F695.svg", Topic: "Places and travel"},                     // taxi
	{Key: "walk", Alt: "A person walking", File: "1F6B6.svg", Topic: "Places and travel"},           // person walking
	{Key: "bike", Alt: "A bike", File: "1F6B2.svg", Topic: "Places and travel"},                     // bicycle
	{Key: "ticket", Alt: "A ticket", File: "1F3AB.svg", Topic: "Places and travel"},                 // ticket
	{Key: "council", Alt: "A council building", File: "1F3DB.svg", Topic: "Places and travel"},      // classical building
	{Key: "organisation", Alt: "An office building", File: "1F3E2.svg", Topic: "Places and travel"}, // office building
	{Key: "town", Alt: "A town", File: "E203.svg", Topic: "Places and travel"},                      // town
	{Key: "service", Alt: "A shop front", File: "1F3EA.svg", Topic: "Places and travel"},            // convenience store

	// Money
	{Key: "money", Alt: "A pound note", File: "1F4B7.svg", Topic: "Money"},       // pound banknote
	{Key: "pay", Alt: "A bank card", File: "1F4B3.svg", Topic: "Money"},          // credit card
	{Key: "payment", Alt: "Money being paid", File: "1F4B8.svg", Topic: "Money"}, // money with wings
	{Key: "coin", Alt: "A coin", File: "1FA99.svg", Topic: "Money"},              // coin
	{Key: "bills", Alt: "A bill", File: "1F9FE.svg", Topic: "Money"},             // receipt
	{Key: "benefits", Alt: "A bag of money", File: "1F4B0.svg", Topic: "Money"},  // money bag
}
