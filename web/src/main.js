console.log("yantao")
